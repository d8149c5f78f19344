package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record MemberAdded(UUID orgId, UUID userId, Role role) implements TenantEvent {}
