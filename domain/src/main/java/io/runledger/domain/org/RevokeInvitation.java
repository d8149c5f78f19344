package io.runledger.domain.org;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeInvitation(@TargetAggregateIdentifier UUID orgId, UUID invitationId) {
    public RevokeInvitation {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(invitationId, "invitationId");
    }
}
