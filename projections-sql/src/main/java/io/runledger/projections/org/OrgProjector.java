package io.runledger.projections.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.runledger.domain.generation.GenerationRequested;
import io.runledger.domain.org.MemberAdded;
import io.runledger.domain.org.MemberRemoved;
import io.runledger.domain.org.MemberRoleChanged;
import io.runledger.domain.org.OrgCreated;
import io.runledger.domain.org.OrgErased;
import io.runledger.domain.org.OrgRenamed;
import io.runledger.domain.org.OrgSettingsChanged;
import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.subscription.StripeCustomerLinked;
import io.runledger.domain.subscription.StripeSubscriptionLinked;
import io.runledger.domain.subscription.SubscriptionStarted;
import io.runledger.domain.subscription.SubscriptionStateChanged;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import io.runledger.projections.subscription.PlanTable;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/**
 * {@code orgs} (with the organization columns: slug, Stripe ids, subscription, trial, generations) and {@code org_memberships}. The
 * subscription and generation columns follow the Subscription and Generation events of the org.
 */
@ReadModelProjector(processingGroup = ReadModelProcessors.ORGS)
public record OrgProjector(ReadModels models) {

    @EventHandler
    void on(OrgCreated created, @Timestamp Instant at) {
        models.write("""
                insert into orgs (id, name, slug, created_at, updated_at) values (?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """, created.orgId(), created.name(), created.slug(), ReadModels.at(at), ReadModels.at(at));
    }

    @EventHandler
    void on(OrgRenamed renamed, @Timestamp Instant at) {
        change("name = ?", renamed.orgId(), at, renamed.name());
    }

    @EventHandler
    void on(OrgSettingsChanged changed, @Timestamp Instant at) {
        change("settings = ?::jsonb", changed.orgId(), at, models.json(changed.settings()));
    }

    @EventHandler
    void on(SubscriptionStarted started, @Timestamp Instant at) {
        change(
                "subscription_plan = ?, subscription_status = ?, trial_ends_at = ?, generations_limit = "
                        + PlanTable.GENERATIONS_LIMIT_OF_PLAN,
                started.orgId(),
                at,
                started.plan().code(),
                started.status().code(),
                ReadModels.at(started.trialEndsAt()),
                started.plan().code());
    }

    @EventHandler
    void on(SubscriptionStateChanged changed, @Timestamp Instant at) {
        change(
                "subscription_plan = ?, subscription_status = ?, generations_limit = "
                        + PlanTable.GENERATIONS_LIMIT_OF_PLAN,
                changed.orgId(),
                at,
                changed.plan().code(),
                changed.status().code(),
                changed.plan().code());
    }

    @EventHandler
    void on(StripeCustomerLinked linked, @Timestamp Instant at) {
        change("stripe_customer_id = ?", linked.orgId(), at, linked.stripeCustomerId());
    }

    @EventHandler
    void on(StripeSubscriptionLinked linked, @Timestamp Instant at) {
        change("stripe_subscription_id = ?", linked.orgId(), at, linked.stripeSubscriptionId());
    }

    /**
     * Counts the month's requests; the first of a new month starts the count again. The one write of the read models
     * that is not safe to repeat: it is counted once because the processor's token commits with it, and a replay
     * builds fresh tables rather than handling events again over these.
     */
    @EventHandler
    void on(GenerationRequested requested, @Timestamp Instant at) {
        LocalDate month = at.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        change(
                "generations_this_month = case when generations_month = ? then generations_this_month + 1 else 1 end, "
                        + "generations_month = ?",
                requested.orgId(),
                at,
                month,
                month);
    }

    @EventHandler
    void on(MemberAdded added, @Timestamp Instant at) {
        models.write("""
                insert into org_memberships (org_id, user_id, role, created_at) values (?, ?, ?, ?)
                on conflict (org_id, user_id) do update set role = excluded.role
                """, added.orgId(), added.userId(), added.role().code(), ReadModels.at(at));
    }

    @EventHandler
    void on(MemberRoleChanged changed) {
        models.write(
                "update org_memberships set role = ? where org_id = ? and user_id = ?",
                changed.role().code(),
                changed.orgId(),
                changed.userId());
    }

    @EventHandler
    void on(MemberRemoved removed) {
        models.write("delete from org_memberships where org_id = ? and user_id = ?", removed.orgId(), removed.userId());
    }

    /** The org's name and settings read, as a replay after its key was destroyed gives them, as the placeholder. */
    @EventHandler
    void on(OrgErased erased) {
        models.write(
                "update orgs set name = ?, settings = '{}' where id = ?",
                DataSubject.org(erased.orgId()).placeholder(),
                erased.orgId());
    }

    /** {@code set} assigns with {@code ?} placeholders for {@code values}; {@code updated_at} moves to the event's time. */
    private void change(String set, Object orgId, Instant at, Object... values) {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = ReadModels.at(at);
        params[values.length + 1] = orgId;
        models.write("update orgs set " + set + ", updated_at = ? where id = ?", params);
    }
}
