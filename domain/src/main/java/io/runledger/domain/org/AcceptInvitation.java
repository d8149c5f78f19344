package io.runledger.domain.org;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invited person signed in for the first time, as {@code userId}, at {@code acceptedAt}. */
public record AcceptInvitation(
        @TargetAggregateIdentifier UUID orgId, UUID invitationId, UUID userId, Instant acceptedAt) {
    public AcceptInvitation {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
