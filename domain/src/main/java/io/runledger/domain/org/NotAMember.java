package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

public class NotAMember extends DomainRuleViolation {
    public NotAMember(UUID orgId, UUID userId) {
        super("User %s is not a member of org %s".formatted(userId, orgId));
    }
}
