package io.runledger.domain.org;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

/** An invitation is accepted, revoked or expired once; after that nothing more happens to it. */
public class InvitationNotPending extends DomainRuleViolation {
    public InvitationNotPending(UUID invitationId, String state) {
        super("Invitation %s is %s, no longer pending".formatted(invitationId, state));
    }
}
