package io.runledger.domain.run;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record RunSucceeded(UUID orgId, UUID runId, int outputCount) implements TenantEvent {}
