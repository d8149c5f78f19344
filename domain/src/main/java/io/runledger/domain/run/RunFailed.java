package io.runledger.domain.run;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import io.runledger.domain.shared.TenantEvent;
import java.util.UUID;
import io.runledger.domain.shared.PersonalData;

/** {@code previousStatus} tells a queued run that never started from one that failed mid-work. */
public record RunFailed(UUID orgId, UUID runId, @PersonalData(subject = ORG) String error, RunStatus previousStatus) implements TenantEvent {
}
