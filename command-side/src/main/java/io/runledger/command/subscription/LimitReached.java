package io.runledger.command.subscription;

import java.time.Duration;
import java.time.Instant;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A metered allowance is used up until {@code resetsAt}. Refused only once all of it is taken, so the usage
 * is the limit itself.
 */
public class LimitReached extends ClientProblem {

    public LimitReached(String limitName, int limit, Instant resetsAt) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "limit-reached",
                "Plan limit reached",
                "The plan allows %d (%s); all used, resets at %s".formatted(limit, limitName, resetsAt));
        limit(limitName, limit, limit);
        property("resetsAt", resetsAt.toString());
        header(
                HttpHeaders.RETRY_AFTER,
                String.valueOf(
                        Math.max(1, Duration.between(Instant.now(), resetsAt).toSeconds())));
    }
}
