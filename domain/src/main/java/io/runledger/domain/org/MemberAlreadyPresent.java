package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

public class MemberAlreadyPresent extends DomainRuleViolation {
    public MemberAlreadyPresent(UUID orgId, UUID userId, Role role) {
        super("User %s is already a member of org %s, as %s".formatted(userId, orgId, role.code()));
    }
}
