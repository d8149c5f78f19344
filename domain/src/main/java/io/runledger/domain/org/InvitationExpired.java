package io.runledger.domain.org;

import java.time.Instant;
import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record InvitationExpired(UUID orgId, UUID invitationId, String email, Instant expiredAt) implements TenantEvent {
}
