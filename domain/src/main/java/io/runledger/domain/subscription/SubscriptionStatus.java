package io.runledger.domain.subscription;

import java.util.Locale;

/** Stripe's subscription states, as seed 003's {@code subscription_status}. */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
