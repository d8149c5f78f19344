package io.runledger.domain.subscription;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every subscription command and event, through Jackson and back. */
class SubscriptionMessagesSurviveJsonTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    static Stream<Object> messages() {
        return Stream.of(
                new StartSubscription(ORG, AT),
                new ActivateSubscription(ORG, Plan.PRO, AT),
                new ChangePlan(ORG, Plan.TEAM),
                new MarkSubscriptionPastDue(ORG),
                new MarkSubscriptionUnpaid(ORG),
                new CancelSubscription(ORG),
                new ScheduleTrialEnd(ORG),
                new LinkStripeCustomer(ORG, "cus_1"),
                new LinkStripeSubscription(ORG, "sub_1"),
                new SubscriptionStarted(ORG, SubscriptionIds.forOrg(ORG), Plan.FREE, SubscriptionStatus.TRIALING, AT),
                new SubscriptionActivated(ORG, Plan.PRO, SubscriptionStatus.ACTIVE, AT),
                new SubscriptionPlanChanged(ORG, Plan.PRO, Plan.TEAM, SubscriptionStatus.ACTIVE),
                new SubscriptionMarkedPastDue(ORG, Plan.PRO, SubscriptionStatus.PAST_DUE),
                new SubscriptionMarkedUnpaid(ORG, Plan.PRO, SubscriptionStatus.UNPAID),
                new SubscriptionCanceled(ORG, Plan.PRO, SubscriptionStatus.CANCELED),
                new TrialEnded(ORG, Plan.FREE, SubscriptionStatus.PAUSED, AT),
                new StripeCustomerLinked(ORG, "cus_1"),
                new StripeSubscriptionLinked(ORG, "sub_2", "sub_1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void survives_the_trip_through_json(Object message) {
        assertSurvivesJson(message);
    }
}
