package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record InvitationRevoked(UUID orgId, UUID invitationId, String email) implements TenantEvent {
}
