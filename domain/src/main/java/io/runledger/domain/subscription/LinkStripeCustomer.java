package io.runledger.domain.subscription;

import java.util.Objects;
import java.util.UUID;

public record LinkStripeCustomer(UUID orgId, String stripeCustomerId) implements SubscriptionCommand {
    public LinkStripeCustomer {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(stripeCustomerId, "stripeCustomerId");
    }
}
