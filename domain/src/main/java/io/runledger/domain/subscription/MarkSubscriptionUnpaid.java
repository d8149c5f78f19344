package io.runledger.domain.subscription;

import java.util.Objects;
import java.util.UUID;

/** Stripe gave up retrying the payment. */
public record MarkSubscriptionUnpaid(UUID orgId) implements SubscriptionCommand {
    public MarkSubscriptionUnpaid {
        Objects.requireNonNull(orgId, "orgId");
    }
}
