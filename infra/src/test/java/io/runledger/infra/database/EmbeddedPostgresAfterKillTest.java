package io.runledger.infra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.ChildRunledger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The embedded PostgreSQL outlives a {@code SIGKILL} of its JVM: the next Runledger on the data directory stops
 * it and starts, and one started while another runs on it refuses to. Real processes on a fresh data
 * directory: three starts, about 20-40 s.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedPostgresAfterKillTest {

    @Test
    void a_restart_after_a_sigkill_stops_the_orphaned_postgres_and_a_second_instance_is_refused() throws Exception {
        Path dataDir = Files.createTempDirectory("runledger-data-");
        Map<String, String> environment = Map.of("RUNLEDGER_DATA_DIR", dataDir.toString());
        String email = "restart-" + UUID.randomUUID() + "@example.com";
        try {
            String orgId;
            long orphan;
            try (ChildRunledger killed = ChildRunledger.start(environment, Map.of())) {
                ApiClient api = killed.api();
                orgId = api.createOrg(api.tokenFor(email), "Survives the kill");
                orphan = postmasterPid(dataDir).orElseThrow();
                killed.kill();
            }
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphaned postmaster").isPresent();

            long restartStarted = System.nanoTime();
            try (ChildRunledger restarted = ChildRunledger.start(environment, Map.of())) {
                long restartMillis = Duration.ofNanos(System.nanoTime() - restartStarted).toMillis();
                ApiClient api = restarted.api();
                assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphaned postmaster").isEmpty();
                String token = api.tokenFor(email);
                // the org's read model catches up on what the killed process stored
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        api.send(HttpMethod.GET, "/v1/orgs/" + orgId, token, null).getStatusCode()).isEqualTo(HttpStatus.OK));

                try (ChildRunledger second = ChildRunledger.launch(environment, Map.of())) {
                    assertThat(second.awaitExit(Duration.ofSeconds(90))).isNotZero();
                    assertThat(second.output()).contains("The data directory " + dataDir
                            + " is in use by another running Runledger (process " + restarted.pid() + ")");
                }
                assertThat(api.send(HttpMethod.GET, "/v1/orgs/" + orgId, token, null).getStatusCode())
                        .as("the running instance, after the refused one").isEqualTo(HttpStatus.OK);
                System.out.printf("Restart after a SIGKILL with the embedded PostgreSQL left running: orphan stopped,"
                        + " ready in %d ms; a second instance on the data directory refused%n", restartMillis);
            }
        } finally {
            stopPostmaster(dataDir);
            deleteRecursively(dataDir);
        }
    }

    private static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("pgdata/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
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
}
