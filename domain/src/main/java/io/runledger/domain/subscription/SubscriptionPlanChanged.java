package io.runledger.domain.subscription;

import java.util.UUID;

public record SubscriptionPlanChanged(UUID orgId, Plan previousPlan, Plan plan, SubscriptionStatus status)
        implements SubscriptionStateChanged {}
