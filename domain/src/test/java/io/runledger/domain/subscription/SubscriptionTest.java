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

import io.runledger.domain.shared.Verdicts;
import io.runledger.domain.shared.Verdicts.Case;
import io.runledger.domain.shared.Verdicts.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubscriptionTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant NEXT_PERIOD_END = Instant.parse("2027-01-01T10:00:00Z");
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

    private static SubscriptionMarkedPastDue pastDue() {
        return new SubscriptionMarkedPastDue(ORG, Plan.PRO, PAST_DUE);
    }

    private static SubscriptionMarkedUnpaid unpaid() {
        return new SubscriptionMarkedUnpaid(ORG, Plan.PRO, UNPAID);
    }

    private static SubscriptionCanceled canceledTrial() {
        return new SubscriptionCanceled(ORG, Plan.FREE, CANCELED);
    }

    private static TrialEnded trialEnded() {
        return new TrialEnded(ORG, Plan.FREE, PAUSED, TRIAL_END);
    }

    private static Refusal illegal(List<Object> history, Object command, String refusal) {
        return Refusal.illegal("Subscription of org", ORG, history, command, refusal);
    }

    @Test
    void commands_find_the_subscription_through_its_org() {
        fixture.given(trialing())
                .when(new ChangePlan(ORG, Plan.TEAM))
                .expectEvents(new SubscriptionPlanChanged(ORG, Plan.FREE, Plan.TEAM, TRIALING));
    }

    @TestFactory
    Stream<DynamicTest> payments_move_a_subscription_through_stripes_lifecycle() {
        return verdict.acceptEach(
                Case.of(List.of(trialing()), new ActivateSubscription(ORG, Plan.PRO, PERIOD_END), activePro()),
                // a renewal moves the period end
                Case.of(
                        List.of(trialing(), activePro()),
                        new ActivateSubscription(ORG, Plan.PRO, NEXT_PERIOD_END),
                        new SubscriptionActivated(ORG, Plan.PRO, ACTIVE, NEXT_PERIOD_END)),
                // canceled, past due, unpaid or paused: paying makes it active again
                Case.of(
                        List.of(trialing(), activePro(), new SubscriptionCanceled(ORG, Plan.PRO, CANCELED)),
                        new ActivateSubscription(ORG, Plan.TEAM, PERIOD_END),
                        new SubscriptionActivated(ORG, Plan.TEAM, ACTIVE, PERIOD_END)),
                Case.of(
                        List.of(trialing(), activePro(), pastDue()),
                        new ActivateSubscription(ORG, Plan.PRO, PERIOD_END),
                        activePro()),
                Case.of(
                        List.of(trialing(), activePro(), unpaid()),
                        new ActivateSubscription(ORG, Plan.PRO, PERIOD_END),
                        activePro()),
                Case.of(
                        List.of(trialing(), trialEnded()),
                        new ActivateSubscription(ORG, Plan.PRO, PERIOD_END),
                        activePro()),
                // a failed renewal, or a trial's failed first payment on the free plan
                Case.of(List.of(trialing(), activePro()), new MarkSubscriptionPastDue(ORG), pastDue()),
                Case.of(
                        List.of(trialing()),
                        new MarkSubscriptionPastDue(ORG),
                        new SubscriptionMarkedPastDue(ORG, Plan.FREE, PAST_DUE)),
                // retries exhausted, or directly from active
                Case.of(List.of(trialing(), activePro(), pastDue()), new MarkSubscriptionUnpaid(ORG), unpaid()),
                Case.of(List.of(trialing(), activePro()), new MarkSubscriptionUnpaid(ORG), unpaid()),
                // canceling keeps the plan on record
                Case.of(
                        List.of(trialing(), activePro()),
                        new CancelSubscription(ORG),
                        new SubscriptionCanceled(ORG, Plan.PRO, CANCELED)),
                Case.of(List.of(trialing()), new CancelSubscription(ORG), canceledTrial()),
                Case.of(List.of(trialing(), trialEnded()), new CancelSubscription(ORG), canceledTrial()));
    }

    @TestFactory
    Stream<DynamicTest> stripes_customer_is_linked_once_and_its_subscription_follows_the_latest() {
        return verdict.acceptEach(
                Case.of(
                        List.of(trialing()),
                        new LinkStripeCustomer(ORG, "cus_1"),
                        new StripeCustomerLinked(ORG, "cus_1")),
                Case.of(
                        List.of(trialing()),
                        new LinkStripeSubscription(ORG, "sub_1"),
                        new StripeSubscriptionLinked(ORG, "sub_1", null)),
                Case.of(
                        List.of(trialing(), new StripeSubscriptionLinked(ORG, "sub_1", null)),
                        new LinkStripeSubscription(ORG, "sub_2"),
                        new StripeSubscriptionLinked(ORG, "sub_2", "sub_1")));
    }

    @TestFactory
    Stream<DynamicTest> asking_for_the_state_it_is_in_changes_nothing() {
        return verdict.acceptEach(
                Case.of(List.of(trialing(), activePro()), new ActivateSubscription(ORG, Plan.PRO, PERIOD_END)),
                Case.of(List.of(trialing(), activePro()), new ChangePlan(ORG, Plan.PRO)),
                Case.of(List.of(trialing(), activePro(), pastDue()), new MarkSubscriptionPastDue(ORG)),
                Case.of(List.of(trialing(), activePro(), unpaid()), new MarkSubscriptionUnpaid(ORG)),
                Case.of(List.of(trialing(), canceledTrial()), new CancelSubscription(ORG)),
                Case.of(
                        List.of(trialing(), new StripeCustomerLinked(ORG, "cus_1")),
                        new LinkStripeCustomer(ORG, "cus_1")),
                Case.of(
                        List.of(trialing(), new StripeSubscriptionLinked(ORG, "sub_1", null)),
                        new LinkStripeSubscription(ORG, "sub_1")));
    }

    @TestFactory
    Stream<DynamicTest> a_command_the_subscriptions_state_does_not_allow_is_refused() {
        return verdict.refuseEach(
                illegal(
                        List.of(trialing(), canceledTrial()),
                        new ChangePlan(ORG, Plan.PRO),
                        "CANCELED; cannot change its plan"),
                illegal(
                        List.of(trialing(), canceledTrial()),
                        new MarkSubscriptionPastDue(ORG),
                        "CANCELED; cannot mark it past due"),
                illegal(
                        List.of(trialing(), activePro(), unpaid()),
                        new MarkSubscriptionPastDue(ORG),
                        "UNPAID; cannot mark it past due"),
                // nothing was billed in a trial, so nothing is unpaid or past due
                illegal(List.of(trialing()), new MarkSubscriptionUnpaid(ORG), "TRIALING; cannot mark it unpaid"),
                illegal(
                        List.of(trialing(), trialEnded()),
                        new MarkSubscriptionPastDue(ORG),
                        "PAUSED; cannot mark it past due"),
                illegal(
                        List.of(trialing(), activePro(), new SubscriptionCanceled(ORG, Plan.PRO, CANCELED)),
                        new MarkSubscriptionUnpaid(ORG),
                        "CANCELED; cannot mark it unpaid"),
                new Refusal(
                        List.of(trialing(), new StripeCustomerLinked(ORG, "cus_1")),
                        new LinkStripeCustomer(ORG, "cus_2"),
                        StripeCustomerAlreadyLinked.class,
                        "Org " + ORG + " is linked to Stripe customer cus_1; cannot link cus_2"));
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
                .expectEvents(trialEnded());
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
                .expectEvents(trialEnded());
    }

    static Stream<Arguments> ways_a_trial_ends_before_its_time() {
        return Stream.of(
                Arguments.of(new ActivateSubscription(ORG, Plan.PRO, PERIOD_END), activePro()),
                Arguments.of(new CancelSubscription(ORG), canceledTrial()),
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
                .expectEvents(trialEnded());
    }

    @Test
    void a_subscription_no_longer_trialing_has_no_trial_end_to_schedule() {
        fixture.given(trialing(), activePro())
                .when(new ScheduleTrialEnd(ORG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }
}
