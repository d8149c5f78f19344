package io.runledger.domain.project;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partial edit: every null value leaves its field unchanged. */
public record UpdateProject(
        @TargetAggregateIdentifier UUID projectId,
        String name,
        String description,
        String prompt,
        String audioPath,
        BigDecimal audioDuration,
        String resolution,
        String stylePreference,
        BigDecimal footageVisibility,
        BigDecimal effectIntensity) {
    public UpdateProject {
        Objects.requireNonNull(projectId, "projectId");
    }
}
