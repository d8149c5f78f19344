package io.runledger.domain.project;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

/** An outcome was reported for a generation this project never requested: a routing bug upstream. */
public class UnknownGeneration extends DomainRuleViolation {
    public UnknownGeneration(UUID projectId, UUID generationId) {
        super("Project " + projectId + " has no generation " + generationId);
    }
}
