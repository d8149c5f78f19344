package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.domain.org.OrgCreated;
import io.runledger.infra.testing.OrgOwner;
import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Keys whose first request died before answering (the process was killed mid-request), as the database
 * keeps them: claimed, without an answer. {@code ChildProcessCrashTest} produces them with a real SIGKILL.
 */
@RunledgerIntegrationTest
class IdempotencyRecoveryApiTest extends OrgOwnerApiTest {

    private static final String RUN =
            "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Killed mid-request.\"}";

    @Autowired
    StoredEvents storedEvents;

    IdempotencyRecoveryApiTest() {
        super("recovery", "Recovery Inc");
    }

    /** What a SIGKILL after the work committed, before the answer was recorded, leaves behind. */
    private void dieBeforeAnswering(String key, String age) {
        assertThat(jdbc.update("""
                update idempotency_keys set response_status = null, response_location = null, response_body = null,
                       created_at = now() - ?::interval
                where idempotency_key = ?
                """, age, key)).isEqualTo(1);
    }

    private record Retried(ResponseEntity<Map<String, Object>> first, ResponseEntity<Map<String, Object>> retry) {}

    /** The owner's request, its answer lost as if it died a minute in, then the same request again with its key. */
    private Retried retriedAfterDying(String path, String body, String key) {
        ResponseEntity<Map<String, Object>> first = api.send(HttpMethod.POST, path, owner.token(), body, key);
        dieBeforeAnswering(key, "1 minute");
        return new Retried(first, api.send(HttpMethod.POST, path, owner.token(), body, key));
    }

    /** A new key whose run was queued by a request that died {@code age} ago, before it answered. */
    private String runQueuedUnanswered(String age) {
        String key = "run-" + UUID.randomUUID();
        owner.queueRun(key, RUN);
        dieBeforeAnswering(key, age);
        return key;
    }

    /** The id of the run {@code key} queues in the org: derived from the key, so every retry names the same run. */
    private static String runQueuedWith(OrgOwner orgOwner, String key) {
        return IdempotentRequests.resourceId("run", UUID.fromString(orgOwner.orgId()), key)
                .toString();
    }

    @Test
    void a_retry_after_the_recovery_time_answers_with_the_run_the_dead_request_queued() {
        String key = "run-" + UUID.randomUUID();
        ResponseEntity<Map<String, Object>> first = owner.queueRun(key, RUN);
        dieBeforeAnswering(key, "1 minute");

        ResponseEntity<Map<String, Object>> retry = owner.queueRun(key, RUN);
        ResponseEntity<Map<String, Object>> again = owner.queueRun(key, RUN);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation())
                .isEqualTo(first.getHeaders().getLocation());
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER))
                .isEqualTo("true");
        assertThat(owner.runsQueued(jdbc)).isEqualTo(1);
        assertThat(owner.rowsIn(jdbc, "run_inputs")).isEqualTo(1);
    }

    @Test
    void a_retry_after_the_recovery_time_queues_the_run_a_request_died_before_queuing() {
        String queued = "run-" + UUID.randomUUID();
        owner.queueRun(queued, RUN);
        String diedEarly = "run-" + UUID.randomUUID();
        // claimed with the same body (so the same fingerprint), and nothing done before the kill
        jdbc.update("""
                insert into idempotency_keys (scope, idempotency_key, request_fingerprint, created_at)
                select scope, ?, request_fingerprint, now() - interval '1 minute' from idempotency_keys where idempotency_key = ?
                """, diedEarly, queued);

        ResponseEntity<Map<String, Object>> retry = owner.queueRun(diedEarly, RUN);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(retry.getBody()).containsEntry("id", runQueuedWith(owner, diedEarly));
        assertThat(owner.runsQueued(jdbc)).isEqualTo(2);
    }

    @Test
    void within_the_recovery_time_the_key_is_still_in_progress() {
        String key = runQueuedUnanswered("1 second");

        ResponseEntity<Map<String, Object>> retry = owner.queueRun(key, RUN);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(retry.getBody())
                .containsEntry("type", "https://runledger.io/problems/idempotent-request-in-progress");
    }

    @Test
    void an_unanswered_key_is_not_taken_over_by_a_different_request() {
        String key = runQueuedUnanswered("1 minute");

        ResponseEntity<Map<String, Object>> other = owner.queueRun(key, RUN.replace("Killed", "Another"));

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getBody()).containsEntry("type", "https://runledger.io/problems/idempotency-key-reused");
        assertThat(owner.queueRun(key, RUN).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(owner.runsQueued(jdbc)).isEqualTo(1);
    }

    @Test
    void another_org_cannot_take_over_an_unanswered_key() {
        String key = runQueuedUnanswered("1 minute");
        OrgOwner outsider = OrgOwner.signUp(api, "outsider", "Elsewhere");

        ResponseEntity<Map<String, Object>> intoTheOrg = owner.queueRun(outsider.token(), key, RUN);
        ResponseEntity<Map<String, Object>> inItsOwnOrg = outsider.queueRun(key, RUN);

        assertThat(intoTheOrg.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(inItsOwnOrg.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(inItsOwnOrg.getBody()).containsEntry("id", runQueuedWith(outsider, key));
        assertThat(jdbc.queryForObject(
                        "select count(*) from idempotency_keys where idempotency_key = ? and response_status is null",
                        Integer.class,
                        key))
                .as("the org's key, still waiting for its own retry")
                .isEqualTo(1);
        assertThat(owner.runsQueued(jdbc)).isEqualTo(1);
    }

    @Test
    void concurrent_retries_of_an_unanswered_key_all_name_the_one_run() throws Exception {
        String key = "run-" + UUID.randomUUID();
        String runId = (String) owner.queueRun(key, RUN).getBody().get("id");
        dieBeforeAnswering(key, "1 minute");
        List<Callable<ResponseEntity<Map<String, Object>>>> retries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            retries.add(() -> owner.queueRun(key, RUN));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        try {
            for (Future<ResponseEntity<Map<String, Object>>> answer : pool.invokeAll(retries)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        // one retry takes the key over; the others find it in progress again, or its answer
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode())
                .isIn(HttpStatus.ACCEPTED, HttpStatus.CONFLICT));
        assertThat(answers)
                .filteredOn(answer -> answer.getStatusCode() == HttpStatus.ACCEPTED)
                .isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.getBody()).containsEntry("id", runId));
        assertThat(owner.queueRun(key, RUN).getBody()).containsEntry("id", runId);
        assertThat(owner.runsQueued(jdbc)).isEqualTo(1);
    }

    @Test
    void an_api_key_issued_by_a_dead_request_is_named_without_its_secret() {
        Retried issued = retriedAfterDying(
                "/v1/orgs/" + owner.orgId() + "/api-keys",
                "{\"name\":\"ci\",\"role\":\"developer\"}",
                "api-key-" + UUID.randomUUID());
        ResponseEntity<Map<String, Object>> first = issued.first();
        ResponseEntity<Map<String, Object>> retry = issued.retry();

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody())
                .containsEntry("id", first.getBody().get("id"))
                .containsEntry("prefix", first.getBody().get("prefix"))
                .containsEntry("key", null);
        assertThat(owner.rowsIn(jdbc, "api_keys")).isEqualTo(1);
    }

    @Test
    void an_org_created_by_a_dead_request_is_the_org_of_the_retry() {
        String name = "Org " + UUID.randomUUID();
        Retried creation = retriedAfterDying("/v1/orgs", "{\"name\":\"" + name + "\"}", "org-" + UUID.randomUUID());
        ResponseEntity<Map<String, Object>> first = creation.first();
        ResponseEntity<Map<String, Object>> retry = creation.retry();

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(storedEvents.ofType(OrgCreated.class))
                .filteredOn(created -> created.name().equals(name))
                .hasSize(1);
    }
}
