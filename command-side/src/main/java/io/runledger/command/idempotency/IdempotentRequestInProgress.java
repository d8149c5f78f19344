package io.runledger.command.idempotency;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** A retry overtook the first request with its key: retry again shortly to get that request's answer. */
public class IdempotentRequestInProgress extends ClientProblem {
    public IdempotentRequestInProgress(String key) {
        super(
                HttpStatus.CONFLICT,
                "idempotent-request-in-progress",
                "Request in progress",
                "A request with Idempotency-Key '%s' is still being processed; retry shortly".formatted(key));
    }
}
