package io.runledger.domain.generation;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A render worker claimed the generation and begins by analysing its audio. */
public record StartAudioAnalysis(@TargetAggregateIdentifier UUID generationId, String workerId) {
    public StartAudioAnalysis {
        Objects.requireNonNull(generationId, "generationId");
    }
}
