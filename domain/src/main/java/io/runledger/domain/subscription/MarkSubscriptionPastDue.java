package io.runledger.domain.subscription;

import java.util.Objects;
import java.util.UUID;

/** A renewal payment failed; Stripe keeps retrying. */
public record MarkSubscriptionPastDue(UUID orgId) implements SubscriptionCommand {
    public MarkSubscriptionPastDue {
        Objects.requireNonNull(orgId, "orgId");
    }
}
