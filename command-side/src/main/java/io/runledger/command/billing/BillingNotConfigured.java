package io.runledger.command.billing;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

public class BillingNotConfigured extends ClientProblem {
    BillingNotConfigured(String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "billing-not-configured", "Billing not configured", reason);
    }
}
