package io.runledger.domain.org;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.runledger.domain.shared.Frozen;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the org's settings with the given map. */
public record ChangeOrgSettings(@TargetAggregateIdentifier UUID orgId, Map<String, Object> settings) {
    public ChangeOrgSettings {
        Objects.requireNonNull(orgId, "orgId");
        settings = Frozen.copy(settings == null ? Map.of() : settings);
    }
}
