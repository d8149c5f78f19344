package io.runledger.domain.org;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An offboarded tenant's content is erased (its data key is destroyed by the sender, docs/erasure.md). */
public record EraseOrg(@TargetAggregateIdentifier UUID orgId, String reason, List<UUID> invitationIds) {
    /** @param invitationIds the org's invitations, whose keys the sender destroyed too */
    public EraseOrg {
        Objects.requireNonNull(orgId, "orgId");
        invitationIds = invitationIds == null ? List.of() : List.copyOf(invitationIds);
    }
}
