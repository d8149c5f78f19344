package io.runledger.domain.pattern;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/** Carries the pattern's resulting values, changed or not. */
public record PatternUpdated(
        UUID orgId, UUID patternId, String name, String description, String category, String defaultStrategy)
        implements TenantEvent {}
