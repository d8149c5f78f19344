package io.runledger.command.plan;

/** The org's subscription does not allow new paid work (canceled, unpaid, or a trial that ended). */
public class SubscriptionInactive extends RuntimeException {
    public SubscriptionInactive(String message) {
        super(message);
    }
}
