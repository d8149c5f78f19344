package io.runledger.domain.run;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A worker reports tokens the run consumed, to be billed. */
public record RecordTokenUsage(@TargetAggregateIdentifier UUID runId, long tokens) {
    public RecordTokenUsage {
        Objects.requireNonNull(runId, "runId");
    }
}
