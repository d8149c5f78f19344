package io.runledger.domain.run;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/** {@code attempt} is the attempt whose lease expired. */
public record RunRequeued(UUID orgId, UUID runId, String reason, int attempt) implements TenantEvent {}
