package io.runledger.domain.apikey;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record ApiKeyRevoked(UUID orgId, UUID keyId) implements TenantEvent {}
