package io.runledger.command.billing;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** The org's Stripe customer is not linked yet (its creation is in flight, or Stripe is unreachable). */
public class CustomerNotReady extends ClientProblem {
    CustomerNotReady(UUID orgId) {
        super(
                HttpStatus.CONFLICT,
                "customer-not-ready",
                "Stripe customer not ready",
                "Org " + orgId + " has no Stripe customer yet; it is created moments after the org, try again shortly");
    }
}
