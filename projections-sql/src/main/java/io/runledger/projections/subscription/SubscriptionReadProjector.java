package io.runledger.projections.subscription;

import java.time.Instant;

import io.runledger.domain.subscription.StripeCustomerLinked;
import io.runledger.domain.subscription.StripeSubscriptionLinked;
import io.runledger.domain.subscription.SubscriptionActivated;
import io.runledger.domain.subscription.SubscriptionStarted;
import io.runledger.domain.subscription.SubscriptionStateChanged;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/** {@code subscriptions}: each org's one subscription, its plan, status and Stripe ids. */
@ReadModelProjector(processingGroup = ReadModelProcessors.SUBSCRIPTIONS)
public record SubscriptionReadProjector(ReadModels models) {

    @EventHandler
    void on(SubscriptionStarted started, @Timestamp Instant at) {
        models.write(
                """
                insert into subscriptions (id, org_id, plan_id, status, trial_ends_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """,
                started.subscriptionId(),
                started.orgId(),
                started.plan().code(),
                started.status().code(),
                ReadModels.at(started.trialEndsAt()),
                ReadModels.at(at),
                ReadModels.at(at));
    }

    @EventHandler
    void on(SubscriptionActivated activated, @Timestamp Instant at) {
        models.write(
                """
                update subscriptions set plan_id = ?, status = ?, current_period_end = ?, updated_at = ? where org_id = ?
                """,
                activated.plan().code(),
                activated.status().code(),
                ReadModels.at(activated.currentPeriodEnd()),
                ReadModels.at(at),
                activated.orgId());
    }

    @EventHandler
    void on(SubscriptionStateChanged changed, @Timestamp Instant at) {
        models.write(
                "update subscriptions set plan_id = ?, status = ?, updated_at = ? where org_id = ?",
                changed.plan().code(),
                changed.status().code(),
                ReadModels.at(at),
                changed.orgId());
    }

    @EventHandler
    void on(StripeCustomerLinked linked, @Timestamp Instant at) {
        models.write(
                "update subscriptions set stripe_customer_id = ?, updated_at = ? where org_id = ?",
                linked.stripeCustomerId(),
                ReadModels.at(at),
                linked.orgId());
    }

    @EventHandler
    void on(StripeSubscriptionLinked linked, @Timestamp Instant at) {
        models.write(
                "update subscriptions set stripe_subscription_id = ?, updated_at = ? where org_id = ?",
                linked.stripeSubscriptionId(),
                ReadModels.at(at),
                linked.orgId());
    }
}
