package io.runledger.domain.generation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordVisualPlan(@TargetAggregateIdentifier UUID generationId, Map<String, Object> visualPlan) {
    public RecordVisualPlan {
        Objects.requireNonNull(generationId, "generationId");
        visualPlan = visualPlan == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(visualPlan));
    }
}
