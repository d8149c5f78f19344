package io.runledger.domain.user;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/** Users are global: their events belong to the platform tenant. */
public record UserRegistered(UUID orgId, UUID userId, String email, String name) implements TenantEvent {
}
