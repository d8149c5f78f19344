package io.runledger.domain.generation;

import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;

/** {@code attempt} is the attempt whose lease expired; the generation is pending again. */
public record GenerationRequeued(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        String reason,
        int attempt,
        GenerationStatus status,
        ProjectStatus projectStatus)
        implements GenerationEvent {}
