package io.runledger.domain.run;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SucceedRun(@TargetAggregateIdentifier UUID runId) {
    public SucceedRun {
        Objects.requireNonNull(runId, "runId");
    }
}
