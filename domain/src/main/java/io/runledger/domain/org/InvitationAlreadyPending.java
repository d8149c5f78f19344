package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

/** One open invitation per email and org: a second would race the first to the same membership. */
public class InvitationAlreadyPending extends DomainRuleViolation {
    public InvitationAlreadyPending(UUID orgId, String email, UUID pending) {
        super("%s already has a pending invitation (%s) to org %s; revoke it to send another"
                .formatted(email, pending, orgId));
    }
}
