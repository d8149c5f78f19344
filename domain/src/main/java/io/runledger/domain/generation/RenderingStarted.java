package io.runledger.domain.generation;

import io.runledger.domain.shared.ProjectStatus;
import java.util.UUID;

public record RenderingStarted(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        GenerationStatus status,
        ProjectStatus projectStatus) implements GenerationEvent {
}
