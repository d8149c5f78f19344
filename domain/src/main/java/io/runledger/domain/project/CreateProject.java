package io.runledger.domain.project;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Null {@code resolution}, {@code stylePreference}, {@code footageVisibility}, {@code effectIntensity} take the {@code projects} defaults. */
public record CreateProject(
        UUID orgId, @TargetAggregateIdentifier UUID projectId, UUID userId, ProjectDetails details) {
    public CreateProject {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(details, "details");
    }
}
