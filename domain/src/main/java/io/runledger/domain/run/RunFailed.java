package io.runledger.domain.run;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

/** {@code previousStatus} tells a queued run that never started from one that failed mid-work. */
public record RunFailed(
        UUID orgId, UUID runId, @PersonalData(subject = ORG) String error, RunStatus previousStatus)
        implements TenantEvent {}
