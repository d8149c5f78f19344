package io.runledger.domain.org;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.util.Map;
import java.util.UUID;

import io.runledger.domain.shared.Frozen;
import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

/** Carries the org's complete new settings. */
public record OrgSettingsChanged(
        UUID orgId, @PersonalData(subject = ORG) Map<String, Object> settings) implements TenantEvent {
    public OrgSettingsChanged {
        settings = Frozen.copy(settings);
    }
}
