package io.runledger.domain.run;

import io.runledger.domain.shared.TenantEvent;
import java.math.BigDecimal;
import java.util.UUID;

/** A billable quantity; one event per {@code usage_events} row, which billing reconciles by replay. */
public record UsageRecorded(UUID orgId, UUID runId, UUID userId, UsageMeter meter, BigDecimal quantity)
        implements TenantEvent {
}
