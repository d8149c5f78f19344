package io.runledger.domain.run;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

/** A usage id names one report: sent again it must say the same, or it is another report under a taken id. */
public class UsageIdReused extends DomainRuleViolation {
    public UsageIdReused(UUID runId, UUID usageId) {
        super("Run " + runId + " already recorded usage " + usageId + " with another quantity; "
                + "a new report needs a new usageId");
    }
}
