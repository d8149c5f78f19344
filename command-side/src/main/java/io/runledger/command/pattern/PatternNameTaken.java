package io.runledger.command.pattern;

import io.runledger.domain.shared.DomainRuleViolation;

public class PatternNameTaken extends DomainRuleViolation {
    public PatternNameTaken(String name) {
        super("The catalog already has a pattern named '" + name + "'");
    }
}
