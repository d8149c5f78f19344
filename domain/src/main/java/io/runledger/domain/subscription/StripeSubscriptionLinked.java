package io.runledger.domain.subscription;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/** A resubscription creates a new Stripe subscription, so the link may move; the previous id stays on record. */
public record StripeSubscriptionLinked(UUID orgId, String stripeSubscriptionId, String previousStripeSubscriptionId)
        implements TenantEvent {}
