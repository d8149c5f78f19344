package io.runledger.domain.generation;

import io.runledger.domain.project.ProjectStatus;
import java.util.UUID;

public record AudioAnalysisStarted(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        String workerId,
        GenerationStatus status,
        ProjectStatus projectStatus) implements GenerationEvent {
}
