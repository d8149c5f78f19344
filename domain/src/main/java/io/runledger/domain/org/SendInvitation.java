package io.runledger.domain.org;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Invites someone who has not signed in yet: their first sign-in with {@code email} makes them a member as {@code role}. */
public record SendInvitation(
        @TargetAggregateIdentifier UUID orgId, UUID invitationId, String email, Role role, Instant expiresAt) {
    public SendInvitation {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
