package io.runledger.domain.generation;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FailGeneration(@TargetAggregateIdentifier UUID generationId, String errorMessage) {
    public FailGeneration {
        Objects.requireNonNull(generationId, "generationId");
    }
}
