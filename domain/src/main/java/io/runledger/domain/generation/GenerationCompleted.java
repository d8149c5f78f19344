package io.runledger.domain.generation;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.math.BigDecimal;
import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.ProjectStatus;

public record GenerationCompleted(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        @PersonalData(subject = ORG) String videoUrl,
        @PersonalData(subject = ORG) String thumbnailUrl,
        BigDecimal durationSeconds,
        Long fileSizeBytes,
        Integer renderTimeSeconds,
        GenerationStatus status,
        ProjectStatus projectStatus)
        implements GenerationEvent {}
