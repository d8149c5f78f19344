package io.runledger.domain.project;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

/** A seed makes a generation reproducible, so one project never renders the same seed twice. */
public class DuplicateSeed extends DomainRuleViolation {
    public DuplicateSeed(UUID projectId, String seed) {
        super("Project " + projectId + " already has a generation with seed " + seed);
    }
}
