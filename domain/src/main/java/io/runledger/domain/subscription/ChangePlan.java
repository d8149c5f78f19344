package io.runledger.domain.subscription;

import java.util.Objects;
import java.util.UUID;

public record ChangePlan(UUID orgId, Plan plan) implements SubscriptionCommand {
    public ChangePlan {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(plan, "plan");
    }
}
