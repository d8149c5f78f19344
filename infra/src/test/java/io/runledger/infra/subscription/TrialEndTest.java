package io.runledger.infra.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.runledger.domain.subscription.Subscription;
import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.TestClock;
import io.runledger.infra.testing.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * A trial's end is a deadline in the database: the test moves the application's clock (which the scheduler
 * tells time by) past it and has the scheduler look at once, instead of waiting two weeks or a poll.
 */
@RunledgerIntegrationTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = "runledger.platform-admins=" + TrialEndTest.PLATFORM_ADMIN)
class TrialEndTest extends OrgOwnerApiTest {

    static final String PLATFORM_ADMIN = "plans-ops@example.com";
    private static final String RUN =
            "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"A trial's work.\"}";
    private static final Duration PAST_THE_TRIAL = Subscription.TRIAL_LENGTH.plusMinutes(1);

    @Autowired
    TestClock clock;

    @Autowired
    Scheduler scheduler;

    private SubscriptionRecords records;

    /** An org on its free trial. */
    TrialEndTest() {
        super("trial", "Trying Inc");
    }

    @BeforeEach
    void its_records() {
        records = new SubscriptionRecords(jdbc);
    }

    /** Time passes for the service; the owner.token() signs in again, as tokens expire by the service's clock. */
    private void passes(Duration time) {
        clock.advance(time);
        owner = owner.signedInAgain();
    }

    private ResponseEntity<Map<String, Object>> queueRun(String org) {
        return api.send(
                POST,
                "/v1/orgs/" + org + "/runs",
                owner.token(),
                RUN,
                UUID.randomUUID().toString());
    }

    /** The scheduler looks for due deadlines now rather than at its next poll. */
    private void letDueDeadlinesRun() {
        scheduler.triggerCheckForDueExecutions();
    }

    private void awaitPlanStatus(String status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> records.planStatus(owner.orgId()).equals(status));
    }

    @Test
    void a_trial_nobody_paid_for_is_paused_at_its_end_and_every_model_of_it_follows() {
        Instant trialEnd = records.trialEndsAt(owner.orgId());
        assertThat(ScheduledTrialEnds.of(scheduler, owner.orgId())).containsExactly(trialEnd);
        assertThat(queueRun(owner.orgId()).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        passes(Duration.ofDays(7));
        String laterOrg = api.createOrg(owner.token(), "Trying Later Inc");

        passes(Subscription.TRIAL_LENGTH.minusDays(7).plusMinutes(1));
        letDueDeadlinesRun();

        awaitPlanStatus("PAUSED");
        ResponseEntity<Map<String, Object>> refused = queueRun(owner.orgId());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYMENT_REQUIRED);
        assertThat(refused.getBody())
                .containsEntry("type", "https://runledger.io/problems/subscription-inactive")
                .containsEntry("detail", "The trial ended at " + trialEnd + "; choose a plan to go on");
        assertThat(ScheduledTrialEnds.of(scheduler, owner.orgId())).isEmpty();
        // the fact on record: once, by Runledger itself, in the conversation that started the trial
        SubscriptionRecords.StoredEvent trialEnded = single(records.trialEnded(owner.orgId()));
        String endedAt = trialEnded.payload().path("trialEndedAt").asText();
        assertThat(Instant.parse(endedAt)).isCloseTo(trialEnd, within(1, ChronoUnit.MICROS)); // PostgreSQL keeps micros
        assertThat(trialEnded.payload().path("status").asText()).isEqualTo("PAUSED");
        assertThat(trialEnded.metadata().path("actor").asText()).isEqualTo("system");
        assertThat(trialEnded.metadata().path("correlationId").asText())
                .isEqualTo(records.creationCorrelationId(owner.orgId()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(records.readModelStatuses(owner.orgId()))
                .containsExactly("paused", "paused"));
        assertThat(owner.send(GET, "", null).getBody()).containsEntry("subscriptionStatus", "paused");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(systemLog(owner.orgId(), "trial_ended"))
                .containsExactly("Trial ended at " + endedAt + "; new work waits for a paid plan"));
        // another org's trial has a week to go
        assertThat(records.planStatus(laterOrg)).isEqualTo("TRIALING");
        assertThat(queueRun(laterOrg).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<String> systemLog(String org, String actionType) {
        Map<String, Object> page = api.send(
                        GET, "/v1/orgs/" + org + "/system-logs?actionType=" + actionType, owner.token(), null)
                .getBody();
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(entry -> (String) entry.get("message")).toList();
    }

    @Test
    void new_work_is_refused_from_the_trials_end_even_before_its_deadline_has_run() {
        Instant trialEnd = records.trialEndsAt(owner.orgId());
        scheduler.pause();
        try {
            passes(PAST_THE_TRIAL);

            ResponseEntity<Map<String, Object>> refused = queueRun(owner.orgId());

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYMENT_REQUIRED);
            assertThat(refused.getBody())
                    .containsEntry("detail", "The trial ended at " + trialEnd + "; choose a plan to go on");
            assertThat(records.planStatus(owner.orgId())).isEqualTo("TRIALING");
        } finally {
            scheduler.resume();
        }
        letDueDeadlinesRun();
        awaitPlanStatus("PAUSED");
    }

    @Test
    void paying_before_the_trial_ends_leaves_a_deadline_that_ends_nothing() {
        String admin = api.tokenFor(PLATFORM_ADMIN);
        assertThat(api.send(PUT, "/v1/admin/orgs/" + owner.orgId() + "/plan", admin, "{\"plan\":\"pro\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(ScheduledTrialEnds.of(scheduler, owner.orgId())).isNotEmpty();
        passes(PAST_THE_TRIAL);
        letDueDeadlinesRun();

        assertThat(queueRun(owner.orgId()).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(records.planStatus(owner.orgId())).isEqualTo("ACTIVE");
        assertThat(records.trialEnded(owner.orgId())).isEmpty();
    }

    @Test
    void a_paused_org_buys_a_plan_and_works_again() {
        passes(PAST_THE_TRIAL);
        letDueDeadlinesRun();
        awaitPlanStatus("PAUSED");

        String admin = api.tokenFor(PLATFORM_ADMIN);
        api.send(PUT, "/v1/admin/orgs/" + owner.orgId() + "/plan", admin, "{\"plan\":\"pro\"}");

        assertThat(records.planStatus(owner.orgId())).isEqualTo("ACTIVE");
        assertThat(queueRun(owner.orgId()).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }
}
