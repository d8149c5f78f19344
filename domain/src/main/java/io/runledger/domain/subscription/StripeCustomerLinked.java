package io.runledger.domain.subscription;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

public record StripeCustomerLinked(UUID orgId, String stripeCustomerId) implements TenantEvent {}
