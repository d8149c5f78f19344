package io.runledger.domain.run;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Queue a pattern run; {@code inputChars}, {@code strategy}, {@code requestId} and {@code idempotencyKey} may be
 * null. {@code patternName} is the pattern's name when queued, which the worker's task carries.
 */
public record QueueRun(
        UUID orgId,
        @TargetAggregateIdentifier UUID runId,
        UUID userId,
        UUID patternId,
        String patternName,
        InputSource inputSource,
        Integer inputChars,
        String strategy,
        String requestId,
        String idempotencyKey) {
    public QueueRun {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(patternId, "patternId");
    }
}
