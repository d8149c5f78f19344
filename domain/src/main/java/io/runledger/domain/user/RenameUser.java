package io.runledger.domain.user;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameUser(@TargetAggregateIdentifier UUID userId, String name) {
    public RenameUser {
        Objects.requireNonNull(userId, "userId");
    }
}
