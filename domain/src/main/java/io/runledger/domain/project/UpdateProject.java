package io.runledger.domain.project;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partial edit: every null value in {@code changes} leaves its field unchanged. */
public record UpdateProject(@TargetAggregateIdentifier UUID projectId, ProjectDetails changes) {
    public UpdateProject {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(changes, "changes");
    }
}
