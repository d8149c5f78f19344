package io.runledger.domain.project;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/** Carries every editable value as it is after the edit, so a projector simply overwrites them. */
public record ProjectUpdated(UUID orgId, UUID projectId, ProjectDetails details) implements TenantEvent {}
