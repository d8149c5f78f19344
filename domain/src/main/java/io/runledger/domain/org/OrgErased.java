package io.runledger.domain.org;

import java.util.List;
import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/**
 * The org's data key was destroyed: its content (names, texts, prompts, outputs) now reads as its placeholder.
 * Usage quantities and billing totals are no personal data and stay; {@code reason} is the operator's.
 */
public record OrgErased(UUID orgId, String reason, List<UUID> invitationIds) implements TenantEvent {
    /** @param invitationIds the org's invitations, their addresses erased too; empty in events stored before */
    public OrgErased {
        invitationIds = invitationIds == null ? List.of() : List.copyOf(invitationIds);
    }
}
