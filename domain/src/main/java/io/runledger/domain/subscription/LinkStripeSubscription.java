package io.runledger.domain.subscription;

import java.util.UUID;

public record LinkStripeSubscription(UUID orgId, String stripeSubscriptionId) implements SubscriptionCommand {
}
