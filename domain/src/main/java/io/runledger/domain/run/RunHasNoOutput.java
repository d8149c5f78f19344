package io.runledger.domain.run;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

/** A run can only succeed with something to show for it. */
public class RunHasNoOutput extends DomainRuleViolation {
    public RunHasNoOutput(UUID runId) {
        super("Run " + runId + " has no output; it cannot succeed");
    }
}
