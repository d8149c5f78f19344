package io.runledger.domain.run;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Queue a pattern run; {@code inputChars}, {@code strategy}, {@code requestId} and {@code idempotencyKey} may be null. */
public record QueueRun(
        @TargetAggregateIdentifier UUID runId,
        UUID orgId,
        UUID userId,
        UUID patternId,
        InputSource inputSource,
        Integer inputChars,
        String strategy,
        String requestId,
        String idempotencyKey) {
    public QueueRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(patternId, "patternId");
    }
}
