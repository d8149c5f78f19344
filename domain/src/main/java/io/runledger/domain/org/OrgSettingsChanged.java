package io.runledger.domain.org;

import java.util.Map;
import java.util.UUID;

import io.runledger.domain.shared.Frozen;
import io.runledger.domain.shared.TenantEvent;

/** Carries the org's complete new settings. */
public record OrgSettingsChanged(UUID orgId, Map<String, Object> settings) implements TenantEvent {
    public OrgSettingsChanged {
        settings = Frozen.copy(settings);
    }
}
