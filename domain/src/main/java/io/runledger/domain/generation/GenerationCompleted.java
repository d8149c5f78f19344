package io.runledger.domain.generation;

import io.runledger.domain.project.ProjectStatus;
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
