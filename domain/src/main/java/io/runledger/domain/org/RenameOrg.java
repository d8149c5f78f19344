package io.runledger.domain.org;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameOrg(@TargetAggregateIdentifier UUID orgId, String name) {
    public RenameOrg {
        Objects.requireNonNull(orgId, "orgId");
    }
}
