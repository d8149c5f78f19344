package io.runledger.domain.org;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddMember(@TargetAggregateIdentifier UUID orgId, UUID userId, Role role) {
    public AddMember {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
