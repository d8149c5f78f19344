package io.runledger.domain.run;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/** {@code attempt} is 1 for the first start and grows by one each time a requeued run starts again. */
public record RunStarted(UUID orgId, UUID runId, String workerId, int attempt) implements TenantEvent {}
