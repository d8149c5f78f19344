package io.runledger.domain.run;

import java.math.BigDecimal;
import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/**
 * A billable quantity; one event per {@code usage_events} row, which billing reconciles by replay. It names
 * the job it was used for: a run ({@code runId}) or a generation ({@code generationId}). {@code usageId} is
 * the worker's id for its report, by which a retried report is recognised; null where none was given, and
 * in every event stored before reports had one.
 */
public record UsageRecorded(
        UUID orgId, UUID runId, UUID userId, UsageMeter meter, BigDecimal quantity, UUID usageId, UUID generationId)
        implements TenantEvent {

    public static UsageRecorded ofRun(
            UUID orgId, UUID runId, UUID userId, UsageMeter meter, BigDecimal quantity, UUID usageId) {
        return new UsageRecorded(orgId, runId, userId, meter, quantity, usageId, null);
    }

    public static UsageRecorded ofGeneration(
            UUID orgId, UUID generationId, UUID userId, UsageMeter meter, BigDecimal quantity) {
        return new UsageRecorded(orgId, null, userId, meter, quantity, null, generationId);
    }
}
