package io.runledger.command.subscription;

import java.sql.Timestamp;
import java.util.UUID;

import io.runledger.command.lookup.TransactionalLookup;
import io.runledger.domain.subscription.SubscriptionStarted;
import io.runledger.domain.subscription.SubscriptionStateChanged;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps {@code plan_subscriptions} in step with the subscription events, in their transaction. */
@TransactionalLookup(processingGroup = SubscriptionProjector.PROCESSING_GROUP)
public record SubscriptionProjector(JdbcClient jdbc) {

    public static final String PROCESSING_GROUP = "plans";

    /** Every org has a subscription from its creation on, so this is whether the org exists. */
    public boolean hasOrg(UUID orgId) {
        return jdbc.sql("select exists (select 1 from plan_subscriptions where org_id = ?)")
                .param(orgId)
                .query(Boolean.class)
                .single();
    }

    /** The subscription scheduled its trial's end as it started, in this transaction. */
    @EventHandler
    void on(SubscriptionStarted started) {
        jdbc.sql(
                        "insert into plan_subscriptions (org_id, plan, status, trial_ends_at, trial_end_scheduled) values (?, ?, ?, ?, true)")
                .params(
                        started.orgId(),
                        started.plan().name(),
                        started.status().name(),
                        Timestamp.from(started.trialEndsAt()))
                .update();
    }

    @EventHandler
    void on(SubscriptionStateChanged changed) {
        jdbc.sql("update plan_subscriptions set plan = ?, status = ? where org_id = ?")
                .params(changed.plan().name(), changed.status().name(), changed.orgId())
                .update();
    }
}
