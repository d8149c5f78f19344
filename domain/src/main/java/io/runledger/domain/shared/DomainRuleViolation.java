package io.runledger.domain.shared;

/** A command broke a domain rule; nothing was emitted. Subclasses name the rule. */
public abstract class DomainRuleViolation extends RuntimeException {
    protected DomainRuleViolation(String message) {
        super(message);
    }
}
