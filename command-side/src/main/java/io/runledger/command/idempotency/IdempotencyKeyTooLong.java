package io.runledger.command.idempotency;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** Keys are for telling requests apart, and a UUID does that in 36 characters. */
public class IdempotencyKeyTooLong extends ClientProblem {
    IdempotencyKeyTooLong(int length) {
        super(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "An Idempotency-Key may have at most %d characters; this one has %d"
                        .formatted(IdempotentRequests.MAX_KEY_LENGTH, length));
    }
}
