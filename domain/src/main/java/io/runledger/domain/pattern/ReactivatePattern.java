package io.runledger.domain.pattern;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReactivatePattern(@TargetAggregateIdentifier UUID patternId) {
    public ReactivatePattern {
        Objects.requireNonNull(patternId, "patternId");
    }
}
