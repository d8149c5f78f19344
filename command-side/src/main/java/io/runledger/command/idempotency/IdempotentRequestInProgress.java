package io.runledger.command.idempotency;

/** A retry overtook the first request with its key: retry again shortly to get that request's answer. */
public class IdempotentRequestInProgress extends RuntimeException {
    public IdempotentRequestInProgress(String key) {
        super("A request with Idempotency-Key '%s' is still being processed; retry shortly".formatted(key));
    }
}
