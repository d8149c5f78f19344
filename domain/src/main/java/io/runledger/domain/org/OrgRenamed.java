package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record OrgRenamed(UUID orgId, String name) implements TenantEvent {
}
