package io.runledger.command.auth;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** A first sign-in whose token does not vouch for its email: nobody is registered, so the email stays free for its owner. */
public class EmailNotVerified extends ClientProblem {
    public EmailNotVerified() {
        super(
                HttpStatus.FORBIDDEN,
                "email-not-verified",
                "Email not verified",
                "Your identity provider does not vouch for the email in your token (email_verified); verify it there and sign in again");
    }
}
