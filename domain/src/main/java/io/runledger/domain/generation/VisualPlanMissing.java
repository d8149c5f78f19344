package io.runledger.domain.generation;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

/** Rendering follows the visual plan, so it cannot start before one is recorded. */
public class VisualPlanMissing extends DomainRuleViolation {
    public VisualPlanMissing(UUID generationId) {
        super("Generation " + generationId + " has no visual plan; it cannot start rendering");
    }
}
