package io.runledger.command.plan;

import java.time.Instant;

/** A metered allowance is used up until {@link #resetsAt()}. */
public class LimitReached extends RuntimeException {

    private final String limitName;
    private final int limit;
    private final int current;
    private final Instant resetsAt;

    public LimitReached(String limitName, int limit, int current, Instant resetsAt) {
        super("The plan allows %d (%s); %d used, resets at %s".formatted(limit, limitName, current, resetsAt));
        this.limitName = limitName;
        this.limit = limit;
        this.current = current;
        this.resetsAt = resetsAt;
    }

    public String limitName() {
        return limitName;
    }

    public int limit() {
        return limit;
    }

    public int current() {
        return current;
    }

    public Instant resetsAt() {
        return resetsAt;
    }
}
