package io.runledger.domain.generation;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker's lease expired: put the generation back on the queue for another attempt. */
public record RequeueGeneration(@TargetAggregateIdentifier UUID generationId, String reason) {
    public RequeueGeneration {
        Objects.requireNonNull(generationId, "generationId");
    }
}
