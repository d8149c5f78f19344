package io.runledger.domain.subscription;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record SubscriptionPlanChanged(UUID orgId, Plan previousPlan, Plan plan, SubscriptionStatus status) implements TenantEvent {
}
