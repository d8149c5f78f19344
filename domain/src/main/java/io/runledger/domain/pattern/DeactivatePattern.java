package io.runledger.domain.pattern;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivatePattern(@TargetAggregateIdentifier UUID patternId) {
    public DeactivatePattern {
        Objects.requireNonNull(patternId, "patternId");
    }
}
