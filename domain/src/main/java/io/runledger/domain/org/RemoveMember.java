package io.runledger.domain.org;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveMember(@TargetAggregateIdentifier UUID orgId, UUID userId) {
}
