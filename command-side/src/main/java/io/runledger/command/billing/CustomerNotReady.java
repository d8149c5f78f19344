package io.runledger.command.billing;

import java.util.UUID;

/** The org's Stripe customer is not linked yet (its creation is in flight, or Stripe is unreachable). */
public class CustomerNotReady extends RuntimeException {
    CustomerNotReady(UUID orgId) {
        super("Org " + orgId + " has no Stripe customer yet; it is created moments after the org, try again shortly");
    }
}
