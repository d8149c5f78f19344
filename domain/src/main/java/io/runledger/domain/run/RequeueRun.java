package io.runledger.domain.run;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker's lease expired: put the run back on the queue for another attempt. */
public record RequeueRun(@TargetAggregateIdentifier UUID runId, String reason) {
    public RequeueRun {
        Objects.requireNonNull(runId, "runId");
    }
}
