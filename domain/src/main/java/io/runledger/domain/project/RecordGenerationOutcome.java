package io.runledger.domain.project;

import java.util.Objects;
import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the process manager when a generation of the project completed or failed. */
public record RecordGenerationOutcome(
        @TargetAggregateIdentifier UUID projectId, UUID generationId, ProjectStatus outcome) {
    public RecordGenerationOutcome {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(generationId, "generationId");
    }
}
