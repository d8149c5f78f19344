package io.runledger.domain.generation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The rendered video is stored; everything but {@code videoUrl} is optional. */
public record CompleteGeneration(
        @TargetAggregateIdentifier UUID generationId,
        String videoUrl,
        String thumbnailUrl,
        BigDecimal durationSeconds,
        Long fileSizeBytes,
        Integer renderTimeSeconds) {
    public CompleteGeneration {
        Objects.requireNonNull(generationId, "generationId");
    }
}
