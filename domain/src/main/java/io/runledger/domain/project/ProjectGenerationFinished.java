package io.runledger.domain.project;

import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.TenantEvent;

/** {@code projectStatus} is COMPLETED or FAILED, as the generation ended. */
public record ProjectGenerationFinished(UUID orgId, UUID projectId, UUID generationId, ProjectStatus projectStatus)
        implements TenantEvent {}
