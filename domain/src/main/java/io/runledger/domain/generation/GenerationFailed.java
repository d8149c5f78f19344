package io.runledger.domain.generation;

import io.runledger.domain.shared.ProjectStatus;
import java.util.UUID;

public record GenerationFailed(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        String errorMessage,
        GenerationStatus status,
        ProjectStatus projectStatus) implements GenerationEvent {
}
