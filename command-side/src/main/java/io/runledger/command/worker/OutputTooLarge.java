package io.runledger.command.worker;

/** Inline outputs are capped so events stay small; bigger ones go to object storage and are sent by URL. */
public class OutputTooLarge extends RuntimeException {
    private final long limit;
    private final long size;

    OutputTooLarge(long limit, long size) {
        super("The output has %d bytes; inline content is capped at %d: upload it and send contentUrl"
                .formatted(size, limit));
        this.limit = limit;
        this.size = size;
    }

    public long limit() {
        return limit;
    }

    public long size() {
        return size;
    }
}
