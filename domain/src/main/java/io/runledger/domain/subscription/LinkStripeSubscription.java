package io.runledger.domain.subscription;

import java.util.Objects;
import java.util.UUID;

public record LinkStripeSubscription(UUID orgId, String stripeSubscriptionId) implements SubscriptionCommand {
    public LinkStripeSubscription {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(stripeSubscriptionId, "stripeSubscriptionId");
    }
}
