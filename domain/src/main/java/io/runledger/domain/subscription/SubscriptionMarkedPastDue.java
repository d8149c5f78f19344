package io.runledger.domain.subscription;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record SubscriptionMarkedPastDue(UUID orgId, Plan plan, SubscriptionStatus status) implements TenantEvent {
}
