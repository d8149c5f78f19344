package io.runledger.infra.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.ChildRunledger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A real {@code SIGKILL} of a Runledger JVM (on the embedded PostgreSQL of a fresh data directory) while it
 * serves concurrent keyed requests, then a restart on the same directory: the orphaned PostgreSQL is stopped,
 * every key, answered before the kill or not, answers with its run, and a second instance started meanwhile
 * is refused. Three process starts, the last one refused early: about 25-40 s.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SigkillRestartTest {

    private static final int REQUESTS = 40; // within the free plan's 50 runs a day
    private static final int CLIENTS = 12;
    private static final int ANSWERED_BEFORE_KILL = 10;
    private static final String RUN =
            "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Killed mid-request.\"}";

    @Test
    void after_a_sigkill_mid_request_the_restart_stops_the_orphaned_postgres_and_every_key_answers_with_its_run()
            throws Exception {
        Path dataDir = Files.createTempDirectory("runledger-data-");
        Map<String, String> environment = Map.of("RUNLEDGER_DATA_DIR", dataDir.toString());
        Map<String, Object> properties = Map.of("runledger.idempotency.recover-after", "1s");
        String email = "killed-" + UUID.randomUUID() + "@example.com";
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            keys.add("kill-" + i + "-" + UUID.randomUUID());
        }
        Map<String, ResponseEntity<Map<String, Object>>> answeredBeforeKill = new ConcurrentHashMap<>();
        try {
            String orgId;
            long orphan;
            ChildRunledger killed = ChildRunledger.start(environment, properties);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                ApiClient api = killed.api();
                String token = api.tokenFor(email);
                orgId = api.createOrg(token, "Killed Inc");
                orphan = postmasterPid(dataDir).orElseThrow();
                CountDownLatch enoughAnswered = new CountDownLatch(ANSWERED_BEFORE_KILL);
                for (String key : keys) {
                    clients.submit(() -> {
                        try {
                            answeredBeforeKill.put(
                                    key, api.send(HttpMethod.POST, "/v1/orgs/" + orgId + "/runs", token, RUN, key));
                            enoughAnswered.countDown();
                        } catch (RuntimeException connectionLost) {
                            // killed before answering: the key is retried below
                        }
                    });
                }
                assertThat(enoughAnswered.await(60, TimeUnit.SECONDS))
                        .as("answers before the kill")
                        .isTrue();
                killed.kill();
            } finally {
                clients.shutdownNow();
                killed.close();
            }
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                    .as("the orphaned postmaster")
                    .isPresent();

            long restartStarted = System.nanoTime();
            try (ChildRunledger restarted = ChildRunledger.start(environment, properties)) {
                long restartMillis =
                        Duration.ofNanos(System.nanoTime() - restartStarted).toMillis();
                assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                        .as("the orphaned postmaster")
                        .isEmpty();
                String database = "jdbc:postgresql://localhost:"
                        + postmasterFile(dataDir).get(3).strip() + "/postgres";
                int unanswered = count(database, "select count(*) from idempotency_keys where response_status is null");

                ApiClient api = restarted.api();
                String token = api.tokenFor(email);
                for (String key : keys) {
                    AtomicReference<ResponseEntity<Map<String, Object>>> answer = new AtomicReference<>();
                    // a key the kill left unanswered is in progress until recover-after has passed
                    await().atMost(Duration.ofSeconds(10))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> {
                                answer.set(api.send(HttpMethod.POST, "/v1/orgs/" + orgId + "/runs", token, RUN, key));
                                return answer.get().getStatusCode() != HttpStatus.CONFLICT;
                            });
                    assertThat(answer.get().getStatusCode()).as(key).isEqualTo(HttpStatus.ACCEPTED);
                    assertThat(answer.get().getBody())
                            .as(key)
                            .containsEntry(
                                    "id",
                                    IdempotentRequests.resourceId("run", UUID.fromString(orgId), key)
                                            .toString());
                    if (answeredBeforeKill.containsKey(key)) {
                        assertThat(answer.get().getBody())
                                .as(key)
                                .isEqualTo(answeredBeforeKill.get(key).getBody());
                    }
                }
                assertThat(count(
                                database,
                                "select count(*) from domain_event_entry where payload_type = "
                                        + "'io.runledger.domain.run.RunQueued'"))
                        .as("one run per key")
                        .isEqualTo(REQUESTS);
                assertThat(count(database, "select count(*) from run_inputs")).isEqualTo(REQUESTS);

                try (ChildRunledger second = ChildRunledger.launch(environment, properties)) {
                    assertThat(second.awaitExit(Duration.ofSeconds(90))).isNotZero();
                    assertThat(second.output())
                            .contains("The data directory " + dataDir
                                    + " is in use by another running Runledger (process " + restarted.pid() + ")");
                }
                assertThat(api.send(HttpMethod.POST, "/v1/orgs/" + orgId + "/runs", token, RUN, keys.get(0))
                                .getStatusCode())
                        .as("the running instance, after the refused one")
                        .isEqualTo(HttpStatus.ACCEPTED);
                System.out.printf(
                        "SIGKILL during %d concurrent keyed POST /runs from %d clients: 1 kill, %d answered before"
                                + " it, %d keys left unanswered by it; restart (orphaned PostgreSQL stopped) ready in %d ms;"
                                + " %d of %d keys answered with their run; a second instance on the data directory refused%n",
                        REQUESTS, CLIENTS, answeredBeforeKill.size(), unanswered, restartMillis, REQUESTS, REQUESTS);
            }
        } finally {
            stopPostmaster(dataDir);
            deleteRecursively(dataDir);
        }
    }

    /** pid, cluster directory, start time, port, …: the running postmaster's, if any. */
    private static List<String> postmasterFile(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("pgdata/postmaster.pid");
        return Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
    }

    private static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        List<String> lines = postmasterFile(dataDir);
        return lines.isEmpty()
                ? Optional.empty()
                : Optional.of(Long.parseLong(lines.get(0).strip()));
    }

    /** Whatever the test's outcome, no PostgreSQL survives it. */
    private static void stopPostmaster(Path dataDir) throws Exception {
        Optional<ProcessHandle> postmaster = postmasterPid(dataDir).flatMap(ProcessHandle::of);
        if (postmaster.isPresent()) {
            postmaster.get().destroy();
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
