package io.runledger.domain.run;

import io.runledger.domain.shared.TenantEvent;
import java.util.UUID;

/** {@code previousStatus} tells a queued run that never started from one that failed mid-work. */
public record RunFailed(UUID orgId, UUID runId, String error, RunStatus previousStatus) implements TenantEvent {
}
