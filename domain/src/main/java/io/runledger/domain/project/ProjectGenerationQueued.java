package io.runledger.domain.project;

import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.TenantEvent;

/** {@code generationNumber} counts the project's generations from 1. */
public record ProjectGenerationQueued(
        UUID orgId, UUID projectId, UUID generationId, int generationNumber, String seed, ProjectStatus projectStatus)
        implements TenantEvent {}
