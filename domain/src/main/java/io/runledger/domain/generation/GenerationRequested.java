package io.runledger.domain.generation;

import io.runledger.domain.shared.ProjectStatus;
import java.util.UUID;

public record GenerationRequested(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        UUID userId,
        String seed,
        int generationNumber,
        GenerationStatus status,
        ProjectStatus projectStatus) implements GenerationEvent {
}
