package io.runledger.domain.user;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LinkAuthIdentity(@TargetAggregateIdentifier UUID userId, AuthProvider provider, String providerUserId) {
    public LinkAuthIdentity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
    }
}
