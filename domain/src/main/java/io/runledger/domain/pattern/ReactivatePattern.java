package io.runledger.domain.pattern;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReactivatePattern(@TargetAggregateIdentifier UUID patternId) {
}
