package io.runledger.domain.run;

import io.runledger.domain.shared.TenantEvent;
import java.util.UUID;

public record RunSucceeded(UUID orgId, UUID runId, int outputCount) implements TenantEvent {
}
