package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.runledger.command.idempotency.IdempotencyKeyExpiry;
import io.runledger.domain.org.OrgCreated;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Creating an org with an {@code Idempotency-Key}, retried the ways real clients retry. */
@RunledgerIntegrationTest
class IdempotencyApiTest extends ApiTest {

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    IdempotencyKeyExpiry expiry;

    private String token;
    private String orgName;

    @BeforeEach
    void setUp() {
        token = api.tokenFor("idem-" + UUID.randomUUID() + "@example.com");
        orgName = "Org " + UUID.randomUUID();
    }

    private ResponseEntity<Map<String, Object>> createOrg(String key, String name) {
        return api.send(HttpMethod.POST, "/v1/orgs", token, "{\"name\":\"" + name + "\"}", key);
    }

    private int orgsNamed(String name) {
        return (int) storedEvents.ofType(OrgCreated.class).stream()
                .filter(created -> created.name().equals(name))
                .count();
    }

    @Test
    void a_retry_with_the_same_key_and_body_gets_the_first_answer_and_creates_nothing_more() {
        ResponseEntity<Map<String, Object>> first = createOrg("key-1", orgName);
        ResponseEntity<Map<String, Object>> retry = createOrg("key-1", orgName);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation())
                .isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(orgsNamed(orgName)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_body_is_a_409_that_creates_nothing() {
        createOrg("key-2", orgName);

        ResponseEntity<Map<String, Object>> reused = createOrg("key-2", orgName + " (changed)");

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reused.getBody()).containsEntry("type", "https://runledger.io/problems/idempotency-key-reused");
        assertThat(orgsNamed(orgName + " (changed)")).isZero();
    }

    @Test
    void a_request_that_failed_leaves_its_key_free_for_the_corrected_request() {
        assertThat(createOrg("key-3", " ").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(createOrg("key-3", orgName).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(orgsNamed(orgName)).isEqualTo(1);
    }

    @Test
    void keys_belong_to_their_caller() {
        createOrg("shared-key", orgName);
        token = api.tokenFor("other-" + UUID.randomUUID() + "@example.com");

        assertThat(createOrg("shared-key", orgName).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(orgsNamed(orgName)).isEqualTo(2);
    }

    @Test
    void org_keys_are_forgotten_after_their_retention_but_run_keys_never() {
        createOrg("key-expiring", orgName);
        String runsOrg =
                (String) createOrg("key-runs-org", orgName + " runs").getBody().get("id");
        api.send(
                HttpMethod.POST,
                "/v1/orgs/" + runsOrg + "/runs",
                token,
                "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"kept\"}",
                "run-key-kept");

        expiry.purgeOlderThan(Instant.now().plusSeconds(60));

        assertThat(jdbc.queryForList(
                        "select idempotency_key from idempotency_keys where idempotency_key in (?, ?, ?)",
                        String.class,
                        "key-expiring",
                        "key-runs-org",
                        "run-key-kept"))
                .containsExactly("run-key-kept");
        // the org's id derives from the key, so a forgotten key still cannot create a second org
        ResponseEntity<Map<String, Object>> reused = createOrg("key-expiring", orgName);
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reused.getBody()).containsEntry("type", "https://runledger.io/problems/already-exists");
        assertThat(orgsNamed(orgName)).isEqualTo(1);
    }

    @Test
    void twenty_concurrent_requests_with_one_key_create_exactly_one_org() throws Exception {
        createOrg("warm-up", "Warm-up " + orgName); // registers the caller, so the race is about the key alone
        List<Callable<ResponseEntity<Map<String, Object>>>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(() -> createOrg("key-race", orgName));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        for (Future<ResponseEntity<Map<String, Object>>> answer : pool.invokeAll(requests)) {
            answers.add(answer.get());
        }
        pool.shutdown();

        assertThat(orgsNamed(orgName)).isEqualTo(1);
        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT));
        assertThat(answers.stream()
                        .filter(a -> a.getStatusCode() == HttpStatus.CREATED)
                        .map(a -> a.getBody().get("id"))
                        .distinct())
                .hasSize(1);
        assertThat(answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT))
                .allSatisfy(a -> assertThat(a.getBody())
                        .containsEntry("type", "https://runledger.io/problems/idempotent-request-in-progress"));
        System.out.printf(
                "20 concurrent requests, one Idempotency-Key: %d created/replayed, %d told to retry, 1 org%n",
                answers.stream()
                        .filter(a -> a.getStatusCode() == HttpStatus.CREATED)
                        .count(),
                answers.stream()
                        .filter(a -> a.getStatusCode() == HttpStatus.CONFLICT)
                        .count());
    }
}
