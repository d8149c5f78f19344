package io.runledger.domain.user;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record AuthIdentityLinked(UUID orgId, UUID userId, AuthProvider provider, String providerUserId) implements TenantEvent {
}
