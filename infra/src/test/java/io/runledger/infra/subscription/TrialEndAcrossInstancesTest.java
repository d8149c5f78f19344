package io.runledger.infra.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.runledger.domain.subscription.Subscription;
import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.FreshDatabaseInitializer;
import io.runledger.infra.testing.RunningRunledger;
import io.runledger.infra.testing.TestClock;
import io.runledger.infra.testing.TestClockConfiguration;
import io.runledger.infra.testing.TestDatabases;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Trial ends are rows every instance polls: of several instances looking at once, one runs each due deadline,
 * and trials that started before their ends were deadlines are scheduled once, however many instances start.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TrialEndAcrossInstancesTest {

    private static final Duration PAST_THE_TRIAL = Subscription.TRIAL_LENGTH.plusMinutes(1);

    private final Map<String, Object> sharedDatabase =
            FreshDatabaseInitializer.databaseProperties(TestDatabases.createFresh());

    private RunningRunledger start() {
        return RunningRunledger.start(sharedDatabase, TestClockConfiguration.class);
    }

    /** Moves every instance's clock past the trial and has every scheduler look for due deadlines at once. */
    private static void passTheTrialOn(RunningRunledger... instances) {
        Stream.of(instances).forEach(instance -> instance.bean(TestClock.class).advance(PAST_THE_TRIAL));
        Stream.of(instances).parallel().forEach(instance -> instance.bean(Scheduler.class)
                .triggerCheckForDueExecutions());
    }

    private static void awaitPaused(SubscriptionRecords records, String orgId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> records.planStatus(orgId).equals("PAUSED"));
    }

    @Test
    void two_instances_looking_at_once_end_a_trial_once() {
        try (RunningRunledger first = start();
                RunningRunledger second = start()) {
            SubscriptionRecords records = new SubscriptionRecords(first.jdbc());
            ApiClient api = first.api();
            String orgId = api.createOrg(api.tokenFor("shared@example.com"), "Shared Inc");
            AtomicInteger handled = new AtomicInteger();
            Stream.of(first, second).forEach(instance -> instance.bean(DeadlineManager.class)
                    .registerHandlerInterceptor((unitOfWork, chain) -> {
                        handled.incrementAndGet();
                        return chain.proceed();
                    }));

            passTheTrialOn(first, second);

            awaitPaused(records, orgId);
            assertThat(records.trialEnded(orgId)).hasSize(1);
            assertThat(handled).hasValue(1);
            assertThat(ScheduledTrialEnds.of(first.bean(Scheduler.class), orgId))
                    .isEmpty();
        }
    }

    @Test
    void trials_that_started_before_their_ends_were_deadlines_end_too_scheduled_once_by_several_instances() {
        String oldOrg;
        String recentOrg;
        try (RunningRunledger before = start()) {
            before.bean(Scheduler.class).pause(); // this instance only makes the data; its deadlines are removed below
            ApiClient api = before.api();
            TestClock clock = before.bean(TestClock.class);
            // tokens are valid by the service's clock: the owner signs in at each of the two times
            clock.advance(Duration.ofDays(-20));
            oldOrg = api.createOrg(api.tokenFor("early@example.com"), "Early Inc"); // its trial ended six days ago
            clock.advance(Duration.ofDays(20));
            recentOrg = api.createOrg(api.tokenFor("early@example.com"), "Recent Inc");
            // the database as this version finds it the first time: no deadlines, and nothing marked scheduled
            before.jdbc().update("delete from scheduled_tasks");
            before.jdbc().update("update plan_subscriptions set trial_end_scheduled = false");
        }

        try (RunningRunledger first = start();
                RunningRunledger second = start()) {
            SubscriptionRecords records = new SubscriptionRecords(first.jdbc());
            awaitPaused(records, oldOrg);
            assertThat(ScheduledTrialEnds.of(first.bean(Scheduler.class), recentOrg))
                    .containsExactly(records.trialEndsAt(recentOrg));
            assertThat(first.jdbc()
                            .queryForObject(
                                    "select count(*) from plan_subscriptions where not trial_end_scheduled",
                                    Integer.class))
                    .isZero();

            passTheTrialOn(first, second);

            awaitPaused(records, recentOrg);
            assertThat(List.of(
                            records.trialEnded(oldOrg).size(),
                            records.trialEnded(recentOrg).size()))
                    .containsExactly(1, 1);
        }
    }
}
