package io.runledger.command.access;

/** Members are added by email, and only people who have signed in once have one on record. */
public class UnknownUser extends RuntimeException {
    public UnknownUser(String email) {
        super("Nobody has signed in with " + email + " yet; ask them to sign in once, then add them");
    }
}
