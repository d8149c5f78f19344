package io.runledger.domain.generation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordAudioAnalysis(@TargetAggregateIdentifier UUID generationId, Map<String, Object> audioAnalysis) {
    public RecordAudioAnalysis {
        Objects.requireNonNull(generationId, "generationId");
        audioAnalysis = audioAnalysis == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(audioAnalysis));
    }
}
