package io.runledger.domain.subscription;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Sent by the org as it is created: every org starts on a free trial. */
public record StartSubscription(UUID orgId, Instant requestedAt) implements SubscriptionCommand {
    public StartSubscription {
        Objects.requireNonNull(orgId, "orgId");
    }
}
