package io.runledger.domain.project;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Null {@code resolution}, {@code stylePreference}, {@code footageVisibility}, {@code effectIntensity} take the defaults. */
public record CreateProject(
        @TargetAggregateIdentifier UUID projectId,
        UUID orgId,
        UUID userId,
        String name,
        String description,
        String prompt,
        String audioPath,
        BigDecimal audioDuration,
        String resolution,
        String stylePreference,
        BigDecimal footageVisibility,
        BigDecimal effectIntensity) {
    public CreateProject {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(userId, "userId");
    }
}
