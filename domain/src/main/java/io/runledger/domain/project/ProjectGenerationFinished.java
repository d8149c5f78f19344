package io.runledger.domain.project;

import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.TenantEvent;
import java.util.UUID;

/** {@code projectStatus} is COMPLETED or FAILED, as the generation ended. */
public record ProjectGenerationFinished(UUID orgId, UUID projectId, UUID generationId, ProjectStatus projectStatus)
        implements TenantEvent {
}
