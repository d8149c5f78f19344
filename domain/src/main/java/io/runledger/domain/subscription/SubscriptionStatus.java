package io.runledger.domain.subscription;

import java.util.Locale;

/**
 * Stripe's subscription states, as {@code orgs.subscription_status}, plus Stripe's {@code paused}: a trial
 * that ended without a paid plan, which starts no new work until a plan is bought.
 */
public enum SubscriptionStatus {
    TRIALING,
    ACTIVE,
    PAST_DUE,
    CANCELED,
    UNPAID,
    PAUSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
