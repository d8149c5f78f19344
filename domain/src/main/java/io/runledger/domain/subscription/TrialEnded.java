package io.runledger.domain.subscription;

import java.time.Instant;
import java.util.UUID;

/** The free trial ran out with no paid plan bought: the subscription is paused until one is. */
public record TrialEnded(UUID orgId, Plan plan, SubscriptionStatus status, Instant trialEndedAt)
        implements SubscriptionStateChanged {}
