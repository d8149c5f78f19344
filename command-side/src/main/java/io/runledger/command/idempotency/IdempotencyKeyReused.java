package io.runledger.command.idempotency;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** The same key came with a different request: almost always a client bug, so nothing is guessed. */
public class IdempotencyKeyReused extends ClientProblem {
    public IdempotencyKeyReused(String key) {
        super(
                HttpStatus.CONFLICT,
                "idempotency-key-reused",
                "Idempotency key reused",
                "Idempotency-Key '%s' was used for a different request; use a new key for a new request"
                        .formatted(key));
    }
}
