package io.runledger.domain.user;

import java.util.List;
import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/**
 * The person's data key was destroyed: everything sealed under it now reads as their placeholder, and so does their
 * address in the invitations of {@code invitationIds} (whose keys were destroyed with it). Holds no personal data
 * itself; {@code reason} is the operator's (null when the person erased themselves).
 *
 * @param invitationIds empty in the events stored before invitations were sealed
 */
public record UserErased(UUID orgId, UUID userId, String reason, List<UUID> invitationIds) implements TenantEvent {
    public UserErased {
        invitationIds = invitationIds == null ? List.of() : List.copyOf(invitationIds);
    }
}
