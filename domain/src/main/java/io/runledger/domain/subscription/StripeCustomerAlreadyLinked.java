package io.runledger.domain.subscription;

import java.util.UUID;

import io.runledger.domain.shared.DomainRuleViolation;

/** An org's Stripe customer never changes: its invoices and payment methods hang off it. */
public class StripeCustomerAlreadyLinked extends DomainRuleViolation {
    public StripeCustomerAlreadyLinked(UUID orgId, String linked, String attempted) {
        super("Org %s is linked to Stripe customer %s; cannot link %s".formatted(orgId, linked, attempted));
    }
}
