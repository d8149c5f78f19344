package io.runledger.command.access;

import io.runledger.domain.shared.DomainRuleViolation;

/** Two sign-ins (say a GitHub and a Google account) may not claim the same email as different people. */
public class EmailAlreadyRegistered extends DomainRuleViolation {
    public EmailAlreadyRegistered(String email) {
        super("Another user already signed up with " + email + "; sign in the way you did then");
    }
}
