package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.ChildRunledger;
import io.runledger.infra.testing.FreshDatabaseInitializer;
import io.runledger.infra.testing.TestDatabases;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A real {@code SIGKILL} of a Runledger process while it serves concurrent keyed requests, then a restart on
 * the same database: every key, answered before the kill or not, answers with its run. Two process starts:
 * about 20-40 s.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IdempotencyAfterKillTest {

    private static final int REQUESTS = 40; // within the free plan's 50 runs a day
    private static final int CLIENTS = 12;
    private static final int ANSWERED_BEFORE_KILL = 10;
    private static final String RUN = "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Killed mid-request.\"}";

    @Test
    void every_key_sent_to_a_killed_process_answers_with_its_run_after_the_restart() throws Exception {
        TestDatabases.Database database = TestDatabases.createFresh();
        Map<String, Object> properties = new java.util.HashMap<>(FreshDatabaseInitializer.databaseProperties(database));
        properties.put("runledger.idempotency.recover-after", "1s");
        String email = "killed-" + UUID.randomUUID() + "@example.com";
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            keys.add("kill-" + i + "-" + UUID.randomUUID());
        }
        Map<String, ResponseEntity<Map<String, Object>>> answeredBeforeKill = new ConcurrentHashMap<>();
        String orgId;
        ChildRunledger first = ChildRunledger.start(Map.of(), properties);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            ApiClient api = first.api();
            String token = api.tokenFor(email);
            orgId = api.createOrg(token, "Killed Inc");
            String runs = "/v1/orgs/" + orgId + "/runs";
            CountDownLatch enoughAnswered = new CountDownLatch(ANSWERED_BEFORE_KILL);
            for (String key : keys) {
                clients.submit(() -> {
                    try {
                        ResponseEntity<Map<String, Object>> answer = api.send(HttpMethod.POST, runs, token, RUN, key);
                        answeredBeforeKill.put(key, answer);
                        enoughAnswered.countDown();
                    } catch (RuntimeException connectionLost) {
                        // killed before answering: the key is retried below
                    }
                });
            }
            assertThat(enoughAnswered.await(60, TimeUnit.SECONDS)).as("answers before the kill").isTrue();
            first.kill();
        } finally {
            clients.shutdownNow();
            first.close();
        }
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int unanswered = count(database, "select count(*) from idempotency_keys where response_status is null");

        long restartStarted = System.nanoTime();
        try (ChildRunledger second = ChildRunledger.start(Map.of(), properties)) {
            Duration restart = Duration.ofNanos(System.nanoTime() - restartStarted);
            ApiClient api = second.api();
            String token = api.tokenFor(email);
            String runs = "/v1/orgs/" + orgId + "/runs";
            for (String key : keys) {
                AtomicReference<ResponseEntity<Map<String, Object>>> answer = new AtomicReference<>();
                // a key the kill left unanswered is in progress until recover-after has passed
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    answer.set(api.send(HttpMethod.POST, runs, token, RUN, key));
                    return answer.get().getStatusCode() != HttpStatus.CONFLICT;
                });
                assertThat(answer.get().getStatusCode()).as(key).isEqualTo(HttpStatus.ACCEPTED);
                assertThat(answer.get().getBody()).as(key).containsEntry("id",
                        IdempotentRequests.resourceId("run", UUID.fromString(orgId), key).toString());
                if (answeredBeforeKill.containsKey(key)) {
                    assertThat(answer.get().getBody()).as(key).isEqualTo(answeredBeforeKill.get(key).getBody());
                }
            }
            assertThat(count(database, """
                    select count(*) from domain_event_entry where payload_type = 'io.runledger.domain.run.RunQueued'
                    """)).as("one run per key").isEqualTo(REQUESTS);
            assertThat(count(database, "select count(*) from run_inputs")).isEqualTo(REQUESTS);
            System.out.printf("SIGKILL during %d concurrent keyed POST /runs from %d clients: 1 kill, %d answered before it,"
                            + " %d keys left unanswered by it, %d of %d keys answered with their run after a restart of %d ms%n",
                    REQUESTS, CLIENTS, answeredBeforeKill.size(), unanswered, REQUESTS, REQUESTS, restart.toMillis());
        }
    }

    private static int count(TestDatabases.Database database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
