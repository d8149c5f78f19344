package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record MemberRemoved(UUID orgId, UUID userId, Role previousRole) implements TenantEvent {}
