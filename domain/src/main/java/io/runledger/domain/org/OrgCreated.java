package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record OrgCreated(UUID orgId, String name, String slug, UUID creatorUserId) implements TenantEvent {
}
