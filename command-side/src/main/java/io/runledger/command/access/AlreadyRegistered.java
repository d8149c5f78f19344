package io.runledger.command.access;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** An invitation waits for a first sign-in; someone who signed in already is added as a member instead. */
public class AlreadyRegistered extends ClientProblem {
    public AlreadyRegistered(String email) {
        super(
                HttpStatus.CONFLICT,
                "already-registered",
                "Already signed in",
                email + " has signed in already: add them as a member (POST /v1/orgs/{orgId}/members) instead");
    }
}
