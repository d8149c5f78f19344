package io.runledger.domain.generation;

import io.runledger.domain.shared.ProjectStatus;
import java.math.BigDecimal;
import java.util.UUID;

public record GenerationCompleted(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        String videoUrl,
        String thumbnailUrl,
        BigDecimal durationSeconds,
        Long fileSizeBytes,
        Integer renderTimeSeconds,
        GenerationStatus status,
        ProjectStatus projectStatus) implements GenerationEvent {
}
