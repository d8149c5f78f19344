package io.runledger.domain.pattern;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/** The catalog is global: pattern events belong to the platform tenant. */
public record PatternRegistered(
        UUID orgId, UUID patternId, String name, String description, String category, String defaultStrategy)
        implements TenantEvent {}
