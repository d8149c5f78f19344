package io.runledger.domain.pattern;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterPattern(
        @TargetAggregateIdentifier UUID patternId,
        String name,
        String description,
        String category,
        String defaultStrategy) {
    public RegisterPattern {
        Objects.requireNonNull(patternId, "patternId");
    }
}
