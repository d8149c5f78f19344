package io.runledger.projections.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.subscription.Plan;
import io.runledger.domain.subscription.PlanCatalog;
import io.runledger.domain.subscription.StripeCustomerLinked;
import io.runledger.domain.subscription.StripeSubscriptionLinked;
import io.runledger.domain.subscription.SubscriptionActivated;
import io.runledger.domain.subscription.SubscriptionCanceled;
import io.runledger.domain.subscription.SubscriptionMarkedPastDue;
import io.runledger.domain.subscription.SubscriptionPlanChanged;
import io.runledger.domain.subscription.SubscriptionStarted;
import io.runledger.domain.subscription.SubscriptionStatus;
import io.runledger.domain.subscription.TrialEnded;
import io.runledger.projections.ProjectorTest;
import io.runledger.projections.Redelivery;
import org.junit.jupiter.api.Test;

/** The {@code subscriptions} row a subscription's events leave, and the {@code plans} rows {@link PlanTable} writes. */
class SubscriptionReadProjectorTest extends ProjectorTest {

    private static final Instant STARTED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant TRIAL_END = STARTED.plus(Duration.ofDays(14));

    private final SubscriptionReadProjector projector = new SubscriptionReadProjector(readModels);
    private final UUID org = UUID.randomUUID();
    private final UUID subscription = UUID.randomUUID();

    private void started() {
        projector.on(
                new SubscriptionStarted(org, subscription, Plan.FREE, SubscriptionStatus.TRIALING, TRIAL_END), STARTED);
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("select * from subscriptions where org_id = ?", org);
    }

    private record PlanRow(String id, String name, int priceCents, int runsPerDay, int chars, int generations) {}

    private List<PlanRow> plans() {
        return jdbc.query(
                """
                select id, name, monthly_price_cents, (limits ->> 'max_runs_per_day')::int as runs_per_day,
                       (limits ->> 'max_chars')::int as chars, (limits ->> 'generations_per_month')::int as generations
                from plans order by id
                """,
                (row, n) -> new PlanRow(
                        row.getString("id"),
                        row.getString("name"),
                        row.getInt("monthly_price_cents"),
                        row.getInt("runs_per_day"),
                        row.getInt("chars"),
                        row.getInt("generations")));
    }

    @Test
    void a_trial_starts_on_the_free_plan_and_activation_puts_it_on_the_paid_plan_until_its_period_end() {
        started();

        assertThat(row())
                .containsEntry("id", subscription)
                .containsEntry("plan_id", "free")
                .containsEntry("status", "trialing")
                .containsEntry("trial_ends_at", Timestamp.from(TRIAL_END))
                .containsEntry("current_period_end", null)
                .containsEntry("created_at", Timestamp.from(STARTED));

        Instant periodEnd = STARTED.plus(Duration.ofDays(33));
        projector.on(
                new SubscriptionActivated(org, Plan.PRO, SubscriptionStatus.ACTIVE, periodEnd),
                STARTED.plus(Duration.ofDays(3)));

        assertThat(row())
                .containsEntry("plan_id", "pro")
                .containsEntry("status", "active")
                .containsEntry("current_period_end", Timestamp.from(periodEnd))
                .containsEntry("trial_ends_at", Timestamp.from(TRIAL_END))
                .containsEntry("created_at", Timestamp.from(STARTED))
                .containsEntry("updated_at", Timestamp.from(STARTED.plus(Duration.ofDays(3))));
    }

    @Test
    void each_later_state_change_moves_plan_and_status_and_a_new_stripe_subscription_replaces_the_linked_one() {
        started();
        projector.on(new TrialEnded(org, Plan.FREE, SubscriptionStatus.PAUSED, TRIAL_END), TRIAL_END);

        assertThat(row()).containsEntry("plan_id", "free").containsEntry("status", "paused");

        projector.on(new StripeCustomerLinked(org, "cus_" + org), TRIAL_END.plusSeconds(1));
        projector.on(new StripeSubscriptionLinked(org, "sub_1", null), TRIAL_END.plusSeconds(2));
        projector.on(
                new SubscriptionActivated(
                        org, Plan.PRO, SubscriptionStatus.ACTIVE, TRIAL_END.plus(Duration.ofDays(30))),
                TRIAL_END.plusSeconds(3));
        projector.on(
                new SubscriptionPlanChanged(org, Plan.PRO, Plan.TEAM, SubscriptionStatus.ACTIVE),
                TRIAL_END.plusSeconds(4));
        projector.on(
                new SubscriptionMarkedPastDue(org, Plan.TEAM, SubscriptionStatus.PAST_DUE), TRIAL_END.plusSeconds(5));

        assertThat(row()).containsEntry("plan_id", "team").containsEntry("status", "past_due");

        projector.on(new SubscriptionCanceled(org, Plan.TEAM, SubscriptionStatus.CANCELED), TRIAL_END.plusSeconds(6));
        projector.on(new StripeSubscriptionLinked(org, "sub_2", "sub_1"), TRIAL_END.plusSeconds(7));

        assertThat(row())
                .containsEntry("plan_id", "team")
                .containsEntry("status", "canceled")
                .containsEntry("stripe_customer_id", "cus_" + org)
                .containsEntry("stripe_subscription_id", "sub_2")
                .containsEntry("updated_at", Timestamp.from(TRIAL_END.plusSeconds(7)));
    }

    @Test
    void the_plans_table_holds_each_configured_plan_and_a_changed_setting_replaces_it_at_the_next_start() {
        ConfiguredPlans.written(readModels, ConfiguredPlans.CATALOG);

        assertThat(plans())
                .containsExactly(
                        new PlanRow("free", "Free", 0, 50, 20_000, 3),
                        new PlanRow("pro", "Pro", 2_900, 1_000, 200_000, 50),
                        new PlanRow("team", "Team", 9_900, 10_000, 1_000_000, 500));

        PlanCatalog raised = new PlanCatalog(Map.of(
                Plan.FREE, ConfiguredPlans.CATALOG.of(Plan.FREE),
                Plan.PRO, new PlanCatalog.Limits(2_000, 250_000, 60, 3_500),
                Plan.TEAM, ConfiguredPlans.CATALOG.of(Plan.TEAM)));
        ConfiguredPlans.written(readModels, raised);

        assertThat(plans())
                .containsExactly(
                        new PlanRow("free", "Free", 0, 50, 20_000, 3),
                        new PlanRow("pro", "Pro", 3_500, 2_000, 250_000, 60),
                        new PlanRow("team", "Team", 9_900, 10_000, 1_000_000, 500));
    }

    @Test
    void an_event_delivered_twice_leaves_the_row_it_left_once() {
        Redelivery.changesNothing(() -> List.of(row()), this::started);
        Redelivery.changesNothing(
                () -> List.of(row()),
                () -> projector.on(new StripeCustomerLinked(org, "cus_" + org), STARTED.plusSeconds(1)));
        Redelivery.changesNothing(
                () -> List.of(row()),
                () -> projector.on(
                        new SubscriptionActivated(org, Plan.PRO, SubscriptionStatus.ACTIVE, TRIAL_END),
                        STARTED.plusSeconds(2)));
        Redelivery.changesNothing(
                () -> List.of(row()),
                () -> projector.on(
                        new SubscriptionCanceled(org, Plan.PRO, SubscriptionStatus.CANCELED), STARTED.plusSeconds(3)));

        assertThat(jdbc.queryForList("select id, status from subscriptions where org_id = ?", org))
                .containsExactly(Map.of("id", subscription, "status", "canceled"));
    }
}
