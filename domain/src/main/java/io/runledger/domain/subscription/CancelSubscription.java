package io.runledger.domain.subscription;

import java.util.Objects;
import java.util.UUID;

public record CancelSubscription(UUID orgId) implements SubscriptionCommand {
    public CancelSubscription {
        Objects.requireNonNull(orgId, "orgId");
    }
}
