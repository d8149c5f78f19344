package io.runledger.command.access;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** Members are added by email, and only people who have signed in once have one on record. */
public class UnknownUser extends ClientProblem {
    public UnknownUser(String email) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "unknown-user",
                "Unknown user",
                "Nobody has signed in with " + email
                        + " yet; invite them (POST /v1/orgs/{orgId}/invitations): their first sign-in makes them a member");
    }
}
