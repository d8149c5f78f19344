package io.runledger.domain.project;

import io.runledger.domain.shared.TenantEvent;
import java.math.BigDecimal;
import java.util.UUID;

/** Carries every editable value as it is after the edit, so a projector simply overwrites them. */
public record ProjectUpdated(
        UUID orgId,
        UUID projectId,
        String name,
        String description,
        String prompt,
        String audioPath,
        BigDecimal audioDuration,
        String resolution,
        String stylePreference,
        BigDecimal footageVisibility,
        BigDecimal effectIntensity) implements TenantEvent, ProjectValues {
}
