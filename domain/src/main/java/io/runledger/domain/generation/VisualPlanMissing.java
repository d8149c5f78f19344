package io.runledger.domain.generation;

import io.runledger.domain.shared.DomainRuleViolation;
import java.util.UUID;

/** Rendering follows the visual plan, so it cannot start before one is recorded. */
public class VisualPlanMissing extends DomainRuleViolation {
    public VisualPlanMissing(UUID generationId) {
        super("Generation " + generationId + " has no visual plan; it cannot start rendering");
    }
}
