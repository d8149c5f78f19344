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

    /** The most tokens one report may carry: far above any model's context, far below what a sum could overflow. */
    public static final long MAX_TOKENS = 100_000_000;

    public RecordTokenUsage {
        Objects.requireNonNull(runId, "runId");
    }
}
