package io.runledger.domain.project;

import io.runledger.domain.shared.TenantEvent;
import java.math.BigDecimal;
import java.util.UUID;

/** Carries the values after defaults were applied. */
public record ProjectCreated(
        UUID orgId,
        UUID projectId,
        UUID userId,
        String name,
        String description,
        String prompt,
        String audioPath,
        BigDecimal audioDuration,
        String resolution,
        String stylePreference,
        BigDecimal footageVisibility,
        BigDecimal effectIntensity,
        ProjectStatus status) implements TenantEvent, ProjectValues {
}
