package io.runledger.domain.org;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameOrg(@TargetAggregateIdentifier UUID orgId, String name) {
}
