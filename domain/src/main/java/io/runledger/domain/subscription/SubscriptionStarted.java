package io.runledger.domain.subscription;

import java.time.Instant;
import java.util.UUID;

public record SubscriptionStarted(
        UUID orgId, UUID subscriptionId, Plan plan, SubscriptionStatus status, Instant trialEndsAt)
        implements SubscriptionStateChanged {}
