package io.runledger.domain.run;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A worker reports tokens the run consumed, to be billed.
 *
 * @param usageId the worker's id for this report, so a retry is recognised; null for a report that is not
 *                retry-safe (every one is a new fact)
 */
public record RecordTokenUsage(@TargetAggregateIdentifier UUID runId, UUID usageId, long tokens) {
    public RecordTokenUsage {
        Objects.requireNonNull(runId, "runId");
    }
}
