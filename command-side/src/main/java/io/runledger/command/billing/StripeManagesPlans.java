package io.runledger.command.billing;

public class StripeManagesPlans extends RuntimeException {
    StripeManagesPlans() {
        super("Stripe is configured, so plans follow Stripe: change the subscription in Stripe (or the customer portal)");
    }
}
