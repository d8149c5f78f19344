package io.runledger.domain.pattern;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Null fields stay as they are. */
public record UpdatePattern(
        @TargetAggregateIdentifier UUID patternId,
        String name,
        String description,
        String category,
        String defaultStrategy) {
    public UpdatePattern {
        Objects.requireNonNull(patternId, "patternId");
    }
}
