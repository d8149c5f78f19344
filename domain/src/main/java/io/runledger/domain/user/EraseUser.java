package io.runledger.domain.user;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A person's personal data is erased (their data key is destroyed by the sender, docs/erasure.md).
 *
 * @param reason        why, as a platform admin gives it; null when the person erases themselves
 * @param invitationIds the invitations sent to their address, whose keys the sender destroyed too
 */
public record EraseUser(@TargetAggregateIdentifier UUID userId, String reason, List<UUID> invitationIds) {
    public EraseUser {
        Objects.requireNonNull(userId, "userId");
        invitationIds = invitationIds == null ? List.of() : List.copyOf(invitationIds);
    }
}
