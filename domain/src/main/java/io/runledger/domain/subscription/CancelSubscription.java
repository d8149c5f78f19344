package io.runledger.domain.subscription;

import java.util.UUID;

public record CancelSubscription(UUID orgId) implements SubscriptionCommand {
}
