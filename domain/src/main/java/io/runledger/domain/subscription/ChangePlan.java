package io.runledger.domain.subscription;

import java.util.UUID;

public record ChangePlan(UUID orgId, Plan plan) implements SubscriptionCommand {
}
