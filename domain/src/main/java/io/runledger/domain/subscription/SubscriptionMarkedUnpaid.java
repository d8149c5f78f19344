package io.runledger.domain.subscription;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record SubscriptionMarkedUnpaid(UUID orgId, Plan plan, SubscriptionStatus status) implements TenantEvent {
}
