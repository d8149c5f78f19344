package io.runledger.domain.project;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Render the project once more; {@code generationId} is the id the new Generation will have. */
public record RequestGeneration(
        @TargetAggregateIdentifier UUID projectId, UUID generationId, UUID userId, String seed) {
    public RequestGeneration {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(generationId, "generationId");
        Objects.requireNonNull(userId, "userId");
    }
}
