package io.runledger.domain.subscription;

import java.util.UUID;

public record SubscriptionMarkedUnpaid(UUID orgId, Plan plan, SubscriptionStatus status)
        implements SubscriptionStateChanged {}
