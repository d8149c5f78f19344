package io.runledger.domain.run;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A worker took the run off the queue. */
public record StartRun(@TargetAggregateIdentifier UUID runId, String workerId) {
    public StartRun {
        Objects.requireNonNull(runId, "runId");
    }
}
