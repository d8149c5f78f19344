package io.runledger.domain.run;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FailRun(@TargetAggregateIdentifier UUID runId, String error) {
    public FailRun {
        Objects.requireNonNull(runId, "runId");
    }
}
