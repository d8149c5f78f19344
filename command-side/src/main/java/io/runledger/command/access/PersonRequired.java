package io.runledger.command.access;

/** Refused to an API key: the request is one a person must make, signed in. */
public class PersonRequired extends RuntimeException {
    public PersonRequired() {
        super("API keys cannot do this: sign in as a person with the required role");
    }
}
