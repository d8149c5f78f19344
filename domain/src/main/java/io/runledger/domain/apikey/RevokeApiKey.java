package io.runledger.domain.apikey;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeApiKey(@TargetAggregateIdentifier UUID keyId) {
    public RevokeApiKey {
        Objects.requireNonNull(keyId, "keyId");
    }
}
