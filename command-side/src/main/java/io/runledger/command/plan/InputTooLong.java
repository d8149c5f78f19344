package io.runledger.command.plan;

/** A run's text is longer than the plan's {@code max_chars}. */
public class InputTooLong extends RuntimeException {

    private final int limit;
    private final int current;

    public InputTooLong(int limit, int current) {
        super("The input has %d characters; the plan allows %d (max_chars)".formatted(current, limit));
        this.limit = limit;
        this.current = current;
    }

    public int limit() {
        return limit;
    }

    public int current() {
        return current;
    }
}
