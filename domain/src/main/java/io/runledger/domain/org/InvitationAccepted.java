package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/** Followed, in the same transaction, by the {@link MemberAdded} it brings (unless they were a member already). */
public record InvitationAccepted(UUID orgId, UUID invitationId, String email, UUID userId, Role role) implements TenantEvent {
}
