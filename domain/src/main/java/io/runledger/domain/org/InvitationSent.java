package io.runledger.domain.org;

import java.time.Instant;
import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record InvitationSent(UUID orgId, UUID invitationId, String email, Role role, Instant expiresAt) implements TenantEvent {
}
