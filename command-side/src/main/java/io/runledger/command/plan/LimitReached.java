package io.runledger.command.plan;

import java.time.Instant;

/** A metered allowance is used up (all of {@link #limit()} taken) until {@link #resetsAt()}. */
public class LimitReached extends RuntimeException {

    private final String limitName;
    private final int limit;
    private final Instant resetsAt;

    public LimitReached(String limitName, int limit, Instant resetsAt) {
        super("The plan allows %d (%s); all used, resets at %s".formatted(limit, limitName, resetsAt));
        this.limitName = limitName;
        this.limit = limit;
        this.resetsAt = resetsAt;
    }

    public String limitName() {
        return limitName;
    }

    public int limit() {
        return limit;
    }

    /** Refused only once the allowance is used up, so the usage is the limit itself. */
    public int used() {
        return limit;
    }

    public Instant resetsAt() {
        return resetsAt;
    }
}
