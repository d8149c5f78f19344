package io.runledger.domain.pattern;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record PatternReactivated(UUID orgId, UUID patternId) implements TenantEvent {}
