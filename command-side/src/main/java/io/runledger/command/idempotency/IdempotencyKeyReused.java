package io.runledger.command.idempotency;

/** The same key came with a different request: almost always a client bug, so nothing is guessed. */
public class IdempotencyKeyReused extends RuntimeException {
    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '%s' was used for a different request; use a new key for a new request".formatted(key));
    }
}
