package io.runledger.domain.user;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person signs in for the first time; they arrive with the identity they signed in with. */
public record RegisterUser(
        @TargetAggregateIdentifier UUID userId,
        String email,
        String name,
        AuthProvider provider,
        String providerUserId) {
    public RegisterUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
    }
}
