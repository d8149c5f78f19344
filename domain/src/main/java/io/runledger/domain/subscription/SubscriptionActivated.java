package io.runledger.domain.subscription;

import java.time.Instant;
import java.util.UUID;

public record SubscriptionActivated(UUID orgId, Plan plan, SubscriptionStatus status, Instant currentPeriodEnd)
        implements SubscriptionStateChanged {}
