package io.runledger.domain.subscription;

import io.runledger.domain.shared.TenantEvent;

/** An event after which the subscription is on {@link #plan()} in {@link #status()}: what read models keep. */
public interface SubscriptionStateChanged extends TenantEvent {
    Plan plan();

    SubscriptionStatus status();
}
