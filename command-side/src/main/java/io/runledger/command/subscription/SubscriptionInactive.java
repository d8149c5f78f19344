package io.runledger.command.subscription;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** The org's subscription does not allow new paid work (canceled, unpaid, or a trial that ended). */
public class SubscriptionInactive extends ClientProblem {
    public SubscriptionInactive(String message) {
        super(HttpStatus.PAYMENT_REQUIRED, "subscription-inactive", "Subscription inactive", message);
    }
}
