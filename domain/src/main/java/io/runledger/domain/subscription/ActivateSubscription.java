package io.runledger.domain.subscription;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Payment succeeded: the plan is active until the end of the paid period (also renews or resubscribes). */
public record ActivateSubscription(UUID orgId, Plan plan, Instant currentPeriodEnd) implements SubscriptionCommand {
    public ActivateSubscription {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(currentPeriodEnd, "currentPeriodEnd");
    }
}
