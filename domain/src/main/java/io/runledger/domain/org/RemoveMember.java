package io.runledger.domain.org;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveMember(@TargetAggregateIdentifier UUID orgId, UUID userId) {
    public RemoveMember {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(userId, "userId");
    }
}
