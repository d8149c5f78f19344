package io.runledger.command.billing;

public class BillingNotConfigured extends RuntimeException {
    BillingNotConfigured(String reason) {
        super(reason);
    }
}
