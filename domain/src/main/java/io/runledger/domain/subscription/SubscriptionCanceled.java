package io.runledger.domain.subscription;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record SubscriptionCanceled(UUID orgId, Plan plan, SubscriptionStatus status) implements TenantEvent {
}
