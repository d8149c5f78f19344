package io.runledger.domain.shared;

/** A command's own values break a rule (blank name, ratio outside 0..1, missing content), whatever the state. */
public class InvalidCommand extends DomainRuleViolation {
    public InvalidCommand(String message) {
        super(message);
    }
}
