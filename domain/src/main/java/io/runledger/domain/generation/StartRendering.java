package io.runledger.domain.generation;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartRendering(@TargetAggregateIdentifier UUID generationId) {
    public StartRendering {
        Objects.requireNonNull(generationId, "generationId");
    }
}
