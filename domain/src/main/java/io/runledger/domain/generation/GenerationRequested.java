package io.runledger.domain.generation;

import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;

public record GenerationRequested(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        UUID userId,
        String seed,
        int generationNumber,
        GenerationStatus status,
        ProjectStatus projectStatus)
        implements GenerationEvent {}
