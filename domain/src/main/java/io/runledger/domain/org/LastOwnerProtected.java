package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

/** An org always keeps at least one owner, so somebody can always manage billing and members. */
public class LastOwnerProtected extends DomainRuleViolation {
    public LastOwnerProtected(UUID orgId, UUID userId) {
        super("User %s is the last owner of org %s; make another member owner first".formatted(userId, orgId));
    }
}
