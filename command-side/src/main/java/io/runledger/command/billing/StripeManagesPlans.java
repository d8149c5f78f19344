package io.runledger.command.billing;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

public class StripeManagesPlans extends ClientProblem {
    StripeManagesPlans() {
        super(
                HttpStatus.CONFLICT,
                "stripe-manages-plans",
                "Plans follow Stripe",
                "Stripe is configured, so plans follow Stripe: change the subscription in Stripe (or the customer portal)");
    }
}
