package io.runledger.command.access;

import io.runledger.domain.shared.DomainRuleViolation;

/** A slug names one org, for good: orgs are never deleted and never change their slug, so none is ever released. */
public class SlugTaken extends DomainRuleViolation {
    public SlugTaken(String slug) {
        super("Another org already has the slug '" + slug + "'; choose another one");
    }
}
