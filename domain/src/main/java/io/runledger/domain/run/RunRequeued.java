package io.runledger.domain.run;

import io.runledger.domain.shared.TenantEvent;
import java.util.UUID;

/** {@code attempt} is the attempt whose lease expired. */
public record RunRequeued(UUID orgId, UUID runId, String reason, int attempt) implements TenantEvent {
}
