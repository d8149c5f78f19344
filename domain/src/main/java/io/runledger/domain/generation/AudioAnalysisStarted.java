package io.runledger.domain.generation;

import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;

/** {@code attempt} is 1 for the first start and grows by one each time a requeued generation starts again. */
public record AudioAnalysisStarted(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        String workerId,
        int attempt,
        GenerationStatus status,
        ProjectStatus projectStatus)
        implements GenerationEvent {}
