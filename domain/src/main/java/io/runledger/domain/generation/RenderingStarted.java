package io.runledger.domain.generation;

import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;

public record RenderingStarted(
        UUID orgId, UUID projectId, UUID generationId, GenerationStatus status, ProjectStatus projectStatus)
        implements GenerationEvent {}
