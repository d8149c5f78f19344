package io.runledger.domain.subscription;

import static io.runledger.domain.subscription.SubscriptionStatus.ACTIVE;
import static io.runledger.domain.subscription.SubscriptionStatus.CANCELED;
import static io.runledger.domain.subscription.SubscriptionStatus.PAST_DUE;
import static io.runledger.domain.subscription.SubscriptionStatus.PAUSED;
import static io.runledger.domain.subscription.SubscriptionStatus.TRIALING;
import static io.runledger.domain.subscription.SubscriptionStatus.UNPAID;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.Verdicts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubscriptionTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant TRIAL_END = NOW.plus(Subscription.TRIAL_LENGTH);

    private final FixtureConfiguration<Subscription> fixture = new AggregateTestFixture<>(Subscription.class);
    private final Verdicts<Subscription> verdict = new Verdicts<>(fixture);

    private static SubscriptionStarted trialing() {
        return new SubscriptionStarted(ORG, SubscriptionIds.forOrg(ORG), Plan.FREE, TRIALING, TRIAL_END);
    }

    /** A trial at {@link #NOW} whose end is a scheduled deadline. */
    private TestExecutor<Subscription> trialWithItsEndScheduled() {
        return fixture.givenCurrentTime(NOW).andGiven(trialing()).andGivenCommands(new ScheduleTrialEnd(ORG));
    }

    private static SubscriptionActivated activePro() {
        return new SubscriptionActivated(ORG, Plan.PRO, ACTIVE, PERIOD_END);
    }

    @Test
    void commands_find_the_subscription_through_its_org() {
        fixture.given(trialing())
                .when(new ChangePlan(ORG, Plan.TEAM))
                .expectEvents(new SubscriptionPlanChanged(ORG, Plan.FREE, Plan.TEAM, TRIALING));
    }

    @Test
    void a_trial_becomes_active_on_the_paid_plan_until_the_period_end() {
        fixture.given(trialing())
                .when(new ActivateSubscription(ORG, Plan.PRO, PERIOD_END))
                .expectEvents(activePro());
    }

    @Test
    void a_renewal_moves_the_period_end() {
        Instant nextPeriodEnd = Instant.parse("2027-01-01T10:00:00Z");
        fixture.given(trialing(), activePro())
                .when(new ActivateSubscription(ORG, Plan.PRO, nextPeriodEnd))
                .expectEvents(new SubscriptionActivated(ORG, Plan.PRO, ACTIVE, nextPeriodEnd));
    }

    @Test
    void activating_again_with_the_same_plan_and_period_changes_nothing() {
        verdict.changesNothing(List.of(trialing(), activePro()), new ActivateSubscription(ORG, Plan.PRO, PERIOD_END));
    }

    @Test
    void a_canceled_subscription_can_be_resubscribed() {
        fixture.given(trialing(), activePro(), new SubscriptionCanceled(ORG, Plan.PRO, CANCELED))
                .when(new ActivateSubscription(ORG, Plan.TEAM, PERIOD_END))
                .expectEvents(new SubscriptionActivated(ORG, Plan.TEAM, ACTIVE, PERIOD_END));
    }

    @Test
    void a_past_due_subscription_is_active_again_once_the_payment_succeeds() {
        fixture.given(trialing(), activePro(), new SubscriptionMarkedPastDue(ORG, Plan.PRO, PAST_DUE))
                .when(new ActivateSubscription(ORG, Plan.PRO, PERIOD_END))
                .expectEvents(activePro());
    }

    @Test
    void an_unpaid_subscription_is_active_again_once_it_is_paid() {
        fixture.given(trialing(), activePro(), new SubscriptionMarkedUnpaid(ORG, Plan.PRO, UNPAID))
                .when(new ActivateSubscription(ORG, Plan.PRO, PERIOD_END))
                .expectEvents(activePro());
    }

    @Test
    void changing_to_the_current_plan_changes_nothing() {
        verdict.changesNothing(List.of(trialing(), activePro()), new ChangePlan(ORG, Plan.PRO));
    }

    @Test
    void the_plan_of_a_canceled_subscription_cannot_be_changed() {
        verdict.refused(
                        List.of(trialing(), new SubscriptionCanceled(ORG, Plan.FREE, CANCELED)),
                        new ChangePlan(ORG, Plan.PRO),
                        IllegalTransition.class)
                .expectExceptionMessage("Subscription of org " + ORG + " is CANCELED; cannot change its plan");
    }

    @Test
    void a_failed_renewal_makes_an_active_subscription_past_due() {
        fixture.given(trialing(), activePro())
                .when(new MarkSubscriptionPastDue(ORG))
                .expectEvents(new SubscriptionMarkedPastDue(ORG, Plan.PRO, PAST_DUE));
    }

    @Test
    void a_failed_first_payment_makes_a_trial_past_due_on_the_free_plan() {
        fixture.given(trialing())
                .when(new MarkSubscriptionPastDue(ORG))
                .expectEvents(new SubscriptionMarkedPastDue(ORG, Plan.FREE, PAST_DUE));
    }

    @Test
    void marking_a_past_due_subscription_past_due_again_changes_nothing() {
        verdict.changesNothing(
                List.of(trialing(), activePro(), new SubscriptionMarkedPastDue(ORG, Plan.PRO, PAST_DUE)),
                new MarkSubscriptionPastDue(ORG));
    }

    @Test
    void a_canceled_subscription_cannot_become_past_due() {
        verdict.refused(
                List.of(trialing(), new SubscriptionCanceled(ORG, Plan.FREE, CANCELED)),
                new MarkSubscriptionPastDue(ORG),
                IllegalTransition.class);
    }

    @Test
    void an_unpaid_subscription_does_not_go_back_to_past_due() {
        verdict.refused(
                        List.of(trialing(), activePro(), new SubscriptionMarkedUnpaid(ORG, Plan.PRO, UNPAID)),
                        new MarkSubscriptionPastDue(ORG),
                        IllegalTransition.class)
                .expectExceptionMessage("Subscription of org " + ORG + " is UNPAID; cannot mark it past due");
    }

    @Test
    void a_past_due_subscription_becomes_unpaid_when_retries_are_exhausted() {
        fixture.given(trialing(), activePro(), new SubscriptionMarkedPastDue(ORG, Plan.PRO, PAST_DUE))
                .when(new MarkSubscriptionUnpaid(ORG))
                .expectEvents(new SubscriptionMarkedUnpaid(ORG, Plan.PRO, UNPAID));
    }

    @Test
    void an_active_subscription_can_become_unpaid_directly() {
        fixture.given(trialing(), activePro())
                .when(new MarkSubscriptionUnpaid(ORG))
                .expectEvents(new SubscriptionMarkedUnpaid(ORG, Plan.PRO, UNPAID));
    }

    @Test
    void marking_an_unpaid_subscription_unpaid_again_changes_nothing() {
        verdict.changesNothing(
                List.of(trialing(), activePro(), new SubscriptionMarkedUnpaid(ORG, Plan.PRO, UNPAID)),
                new MarkSubscriptionUnpaid(ORG));
    }

    @Test
    void a_trial_cannot_become_unpaid_because_nothing_was_billed() {
        verdict.refused(List.of(trialing()), new MarkSubscriptionUnpaid(ORG), IllegalTransition.class)
                .expectExceptionMessage("Subscription of org " + ORG + " is TRIALING; cannot mark it unpaid");
    }

    @Test
    void a_canceled_subscription_cannot_become_unpaid() {
        verdict.refused(
                List.of(trialing(), activePro(), new SubscriptionCanceled(ORG, Plan.PRO, CANCELED)),
                new MarkSubscriptionUnpaid(ORG),
                IllegalTransition.class);
    }

    @Test
    void canceling_keeps_the_plan_on_record() {
        fixture.given(trialing(), activePro())
                .when(new CancelSubscription(ORG))
                .expectEvents(new SubscriptionCanceled(ORG, Plan.PRO, CANCELED));
    }

    @Test
    void a_trial_can_be_canceled() {
        fixture.given(trialing())
                .when(new CancelSubscription(ORG))
                .expectEvents(new SubscriptionCanceled(ORG, Plan.FREE, CANCELED));
    }

    @Test
    void canceling_a_canceled_subscription_changes_nothing() {
        verdict.changesNothing(
                List.of(trialing(), new SubscriptionCanceled(ORG, Plan.FREE, CANCELED)), new CancelSubscription(ORG));
    }

    @Test
    void scheduling_a_trials_end_sets_a_deadline_at_the_end_of_the_trial() {
        fixture.givenCurrentTime(NOW)
                .andGiven(trialing())
                .when(new ScheduleTrialEnd(ORG))
                .expectScheduledDeadlineWithName(TRIAL_END, Subscription.TRIAL_END)
                .expectNoEvents();
    }

    @Test
    void a_trial_nobody_paid_for_is_paused_when_it_ends() {
        trialWithItsEndScheduled()
                .whenThenTimeAdvancesTo(TRIAL_END)
                .expectTriggeredDeadlinesWithName(Subscription.TRIAL_END)
                .expectEvents(new TrialEnded(ORG, Plan.FREE, PAUSED, TRIAL_END));
    }

    @Test
    void a_trial_goes_on_until_its_last_second() {
        trialWithItsEndScheduled()
                .whenThenTimeAdvancesTo(TRIAL_END.minusSeconds(1))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(TRIAL_END, Subscription.TRIAL_END);
    }

    @Test
    void a_trial_that_ended_before_its_end_was_scheduled_is_paused_at_once() {
        fixture.givenCurrentTime(TRIAL_END.plus(Duration.ofDays(6)))
                .andGiven(trialing())
                .andGivenCommands(new ScheduleTrialEnd(ORG))
                .whenThenTimeElapses(Duration.ZERO)
                .expectEvents(new TrialEnded(ORG, Plan.FREE, PAUSED, TRIAL_END));
    }

    static Stream<Arguments> ways_a_trial_ends_before_its_time() {
        return Stream.of(
                Arguments.of(new ActivateSubscription(ORG, Plan.PRO, PERIOD_END), activePro()),
                Arguments.of(new CancelSubscription(ORG), new SubscriptionCanceled(ORG, Plan.FREE, CANCELED)),
                Arguments.of(
                        new MarkSubscriptionPastDue(ORG), new SubscriptionMarkedPastDue(ORG, Plan.FREE, PAST_DUE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ways_a_trial_ends_before_its_time")
    void a_trial_paid_for_canceled_or_past_due_before_its_end_is_left_alone_by_its_deadline(
            Object command, Object event) {
        trialWithItsEndScheduled()
                .andGivenCommands(command)
                .whenThenTimeAdvancesTo(TRIAL_END)
                .expectTriggeredDeadlinesWithName(Subscription.TRIAL_END)
                .expectNoEvents();
    }

    @Test
    void a_deadline_that_outlived_its_trial_ends_nothing() {
        trialWithItsEndScheduled()
                .andGiven(activePro())
                .whenThenTimeAdvancesTo(TRIAL_END)
                .expectTriggeredDeadlinesWithName(Subscription.TRIAL_END)
                .expectNoEvents();
    }

    @Test
    void a_second_deadline_for_the_same_trial_ends_nothing() {
        trialWithItsEndScheduled()
                .andGivenCommands(new ScheduleTrialEnd(ORG))
                .whenThenTimeAdvancesTo(TRIAL_END)
                .expectTriggeredDeadlinesWithName(Subscription.TRIAL_END, Subscription.TRIAL_END)
                .expectEvents(new TrialEnded(ORG, Plan.FREE, PAUSED, TRIAL_END));
    }

    @Test
    void a_subscription_no_longer_trialing_has_no_trial_end_to_schedule() {
        fixture.given(trialing(), activePro())
                .when(new ScheduleTrialEnd(ORG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_paused_trial_is_active_once_a_plan_is_bought() {
        fixture.given(trialing(), new TrialEnded(ORG, Plan.FREE, PAUSED, TRIAL_END))
                .when(new ActivateSubscription(ORG, Plan.PRO, PERIOD_END))
                .expectEvents(activePro());
    }

    @Test
    void a_paused_trial_cannot_become_past_due_because_nothing_was_billed() {
        verdict.refused(
                        List.of(trialing(), new TrialEnded(ORG, Plan.FREE, PAUSED, TRIAL_END)),
                        new MarkSubscriptionPastDue(ORG),
                        IllegalTransition.class)
                .expectExceptionMessage("Subscription of org " + ORG + " is PAUSED; cannot mark it past due");
    }

    @Test
    void a_paused_trial_can_be_canceled() {
        fixture.given(trialing(), new TrialEnded(ORG, Plan.FREE, PAUSED, TRIAL_END))
                .when(new CancelSubscription(ORG))
                .expectEvents(new SubscriptionCanceled(ORG, Plan.FREE, CANCELED));
    }

    @Test
    void the_stripe_customer_is_linked_once() {
        fixture.given(trialing())
                .when(new LinkStripeCustomer(ORG, "cus_1"))
                .expectEvents(new StripeCustomerLinked(ORG, "cus_1"));
    }

    @Test
    void linking_the_same_stripe_customer_again_changes_nothing() {
        verdict.changesNothing(
                List.of(trialing(), new StripeCustomerLinked(ORG, "cus_1")), new LinkStripeCustomer(ORG, "cus_1"));
    }

    @Test
    void a_different_stripe_customer_cannot_replace_the_linked_one() {
        verdict.refused(
                List.of(trialing(), new StripeCustomerLinked(ORG, "cus_1")),
                new LinkStripeCustomer(ORG, "cus_2"),
                StripeCustomerAlreadyLinked.class);
    }

    @Test
    void the_first_stripe_subscription_is_linked_with_no_previous_one() {
        fixture.given(trialing())
                .when(new LinkStripeSubscription(ORG, "sub_1"))
                .expectEvents(new StripeSubscriptionLinked(ORG, "sub_1", null));
    }

    @Test
    void a_new_stripe_subscription_replaces_the_previous_one_on_record() {
        fixture.given(trialing(), new StripeSubscriptionLinked(ORG, "sub_1", null))
                .when(new LinkStripeSubscription(ORG, "sub_2"))
                .expectEvents(new StripeSubscriptionLinked(ORG, "sub_2", "sub_1"));
    }

    @Test
    void linking_the_same_stripe_subscription_again_changes_nothing() {
        verdict.changesNothing(
                List.of(trialing(), new StripeSubscriptionLinked(ORG, "sub_1", null)),
                new LinkStripeSubscription(ORG, "sub_1"));
    }
}
