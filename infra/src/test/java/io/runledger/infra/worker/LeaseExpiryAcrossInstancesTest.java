package io.runledger.infra.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.FreshDatabaseInitializer;
import io.runledger.infra.testing.OrgOwner;
import io.runledger.infra.testing.RunningRunledger;
import io.runledger.infra.testing.TestDatabases;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lease deadlines live in the database: an instance that stops takes nothing with it, and of several
 * instances sweeping at once exactly one takes each expired lease back.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeaseExpiryAcrossInstancesTest {

    private static final String WORKER = "fleet-secret";

    private final Map<String, Object> sharedDatabase = sharedDatabase();

    private static Map<String, Object> sharedDatabase() {
        Map<String, Object> properties =
                new HashMap<>(FreshDatabaseInitializer.databaseProperties(TestDatabases.createFresh()));
        properties.put("runledger.worker.tokens", "fleet:" + WORKER);
        // long enough for the test's own claim-then-fail, which validates each request against the spec
        properties.put("runledger.worker.lease", "3s");
        properties.put("runledger.worker.sweep-interval", "200ms");
        return properties;
    }

    /** Queues a run through {@code instance} and has a worker claim it there; returns the run's id. */
    private static String queueAndClaimOn(RunningRunledger instance) {
        OrgOwner owner = OrgOwner.signUp(instance.api(), "sweep", "Sweep Inc");
        String runId =
                (String) owner.queueRun("k-1", "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"x\"}")
                        .getBody()
                        .get("id");
        assertThat(owner.api().send(POST, "/v1/worker/runs/claim", WORKER, "{}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        return runId;
    }

    /** Takes the next waiting run off the queue for good. */
    private static void failNextClaim(ApiClient api) {
        Map<String, Object> claim =
                api.send(POST, "/v1/worker/runs/claim", WORKER, "{}").getBody();
        // refused if the lease ran out before the report: the run would then come back once more
        assertThat(api.send(
                                POST,
                                "/v1/worker/runs/" + claim.get("id") + "/fail",
                                WORKER,
                                "{\"leaseId\":\"" + claim.get("leaseId") + "\",\"error\":\"given up by the test\"}")
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
    }

    private static int requeues(JdbcTemplate jdbc, String runId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%.RunRequeued'",
                Integer.class, runId);
    }

    @Test
    void a_lease_taken_on_a_stopped_instance_expires_on_another_and_concurrent_sweeps_requeue_once() {
        try (RunningRunledger survivor = RunningRunledger.start(sharedDatabase)) {
            JdbcTemplate jdbc = survivor.jdbc();
            String orphaned;
            try (RunningRunledger stopping = RunningRunledger.start(sharedDatabase)) {
                orphaned = queueAndClaimOn(stopping);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> requeues(jdbc, orphaned) > 0);
            failNextClaim(survivor.api());

            try (RunningRunledger second = RunningRunledger.start(sharedDatabase)) {
                String contested = queueAndClaimOn(second);
                await().atMost(Duration.ofSeconds(15)).until(() -> requeues(jdbc, contested) > 0);
                // both instances keep sweeping meanwhile; a second take-back would show here
                Thread.sleep(1000);

                assertThat(requeues(jdbc, orphaned)).isEqualTo(1);
                assertThat(requeues(jdbc, contested)).isEqualTo(1);
                assertThat(jdbc.queryForObject(
                                "select state from work_queue where job_id = ?::uuid", String.class, contested))
                        .isEqualTo("waiting");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }
}
