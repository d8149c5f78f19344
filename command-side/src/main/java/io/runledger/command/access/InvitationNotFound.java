package io.runledger.command.access;

import java.util.UUID;

import io.runledger.command.problem.NotFound;

/** An invitation of another org is, to this one, no invitation at all. */
public class InvitationNotFound extends NotFound {
    public InvitationNotFound(UUID orgId, UUID invitationId) {
        super("Org %s has no invitation %s".formatted(orgId, invitationId));
    }
}
