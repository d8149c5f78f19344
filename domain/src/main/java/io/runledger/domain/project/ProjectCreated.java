package io.runledger.domain.project;

import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.TenantEvent;

/** Carries the details after defaults were applied. */
public record ProjectCreated(UUID orgId, UUID projectId, UUID userId, ProjectDetails details, ProjectStatus status)
        implements TenantEvent {}
