package io.runledger.domain.user;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record UserRenamed(UUID orgId, UUID userId, String name) implements TenantEvent {
}
