package io.runledger.command.access;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** An invitation of another org is, to this one, no invitation at all. */
public class InvitationNotFound extends ClientProblem {
    public InvitationNotFound(UUID orgId, UUID invitationId) {
        super(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Not found",
                "Org %s has no invitation %s".formatted(orgId, invitationId));
    }
}
