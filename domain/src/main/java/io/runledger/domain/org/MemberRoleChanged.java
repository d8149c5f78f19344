package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record MemberRoleChanged(UUID orgId, UUID userId, Role previousRole, Role role) implements TenantEvent {}
