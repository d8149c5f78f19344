package io.runledger.command.access;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** Refused to an API key: the request is one a person must make, signed in. */
public class PersonRequired extends ClientProblem {
    public PersonRequired() {
        super(
                HttpStatus.FORBIDDEN,
                "person-required",
                "Not allowed to API keys",
                "API keys cannot do this: sign in as a person with the required role");
    }
}
