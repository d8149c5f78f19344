package io.runledger.domain.subscription;

import java.util.UUID;

public record SubscriptionMarkedPastDue(UUID orgId, Plan plan, SubscriptionStatus status)
        implements SubscriptionStateChanged {}
