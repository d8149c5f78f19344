package io.runledger.infra.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.POST;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Status streams are checked before they start, stop when their client leaves, are limited per caller, and
 * share one poll of the read model per interval.
 */
@RunledgerIntegrationTest
@TestPropertySource(properties = {"runledger.streams.max-per-caller=3", "runledger.streams.poll-interval=100ms"})
class StatusStreamLimitsApiTest extends ApiTest {

    // long enough for ~30 polls, so PostgreSQL's statistics, reported up to a second late, are a small part of it
    private static final long WINDOW_MILLIS = 3000;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private String owner;
    private String orgId;
    private String runId;

    @BeforeEach
    void setUp() {
        owner = api.tokenFor("streams-" + UUID.randomUUID() + "@example.com");
        orgId = api.createOrg(owner, "Streaming Inc");
        runId = (String) api.send(
                        POST,
                        "/v1/orgs/" + orgId + "/runs",
                        owner,
                        "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Streams.\"}",
                        UUID.randomUUID().toString())
                .getBody()
                .get("id");
    }

    /** The whole answer to a stream request that is refused; a stream that starts instead fails the test in 3 s. */
    private String openAndRead(String path, String token) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(3000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                                    + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertProblem(String answer, String status, String type) {
        assertThat(answer)
                .startsWith("HTTP/1.1 " + status)
                .contains("Content-Type: application/problem+json")
                .contains("\"type\":\"https://runledger.io/problems/" + type + "\"");
    }

    private Socket listen(String token) throws Exception {
        return listen(token, runId);
    }

    /** A client that opens a run's stream, reads its first event and keeps the connection open. */
    private Socket listen(String token, String run) throws Exception {
        Socket socket = new Socket("localhost", port);
        socket.getOutputStream()
                .write(("GET /v1/orgs/" + orgId + "/runs/" + run + "/stream HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().contains("\"id\":\"" + run + "\"")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200").contains("event:status");
        return socket;
    }

    @Test
    void a_stream_of_a_run_or_generation_the_org_does_not_have_is_a_404_at_once() throws Exception {
        String stranger = api.tokenFor("stranger-" + UUID.randomUUID() + "@example.com");
        String strangersOrg = api.createOrg(stranger, "Elsewhere");

        List<String> refused = List.of(
                openAndRead("/v1/orgs/" + orgId + "/runs/" + UUID.randomUUID() + "/stream", owner),
                openAndRead("/v1/orgs/" + orgId + "/generations/" + UUID.randomUUID() + "/stream", owner),
                openAndRead("/v1/orgs/" + orgId + "/generations/" + runId + "/stream", owner),
                openAndRead("/v1/orgs/" + strangersOrg + "/runs/" + runId + "/stream", stranger),
                openAndRead("/v1/orgs/" + orgId + "/runs/" + runId + "/stream", stranger));

        assertThat(refused).allSatisfy(answer -> assertProblem(answer, "404", "not-found"));
    }

    @Test
    void a_caller_holds_a_limited_number_of_open_streams_and_a_stream_whose_client_left_frees_its_place()
            throws Exception {
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(listen(owner));
        }
        String otherCaller = api.tokenFor("other-" + UUID.randomUUID() + "@example.com");

        String fourth = openAndRead("/v1/orgs/" + orgId + "/runs/" + runId + "/stream", owner);

        assertProblem(fourth, "429", "too-many-streams");
        assertProblem(openAndRead("/v1/orgs/" + orgId + "/runs/" + runId + "/stream", otherCaller), "404", "not-found");

        open.remove(0).close();

        // the place frees at the stream's next write (every poll); generous, since a loaded machine can be slow to
        // write
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try {
                open.add(listen(owner));
                return true;
            } catch (AssertionError stillFull) {
                return false;
            }
        });
        for (Socket socket : open) {
            socket.close();
        }
    }

    /** Scans of the runs table (each read of runs is one) during the window. */
    private long runsScansDuringWindow() throws InterruptedException {
        long before = runsScans();
        // a rate over time is what is measured here, so the window is waited for, not a condition
        Thread.sleep(WINDOW_MILLIS);
        return runsScans() - before;
    }

    private long runsScans() {
        return jdbc.sql("""
                select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_user_tables where relid = 'runs'::regclass
                """).query(Long.class).single();
    }

    @Test
    void thirty_open_streams_cost_the_database_what_one_does() throws Exception {
        List<String> runIds = new ArrayList<>(List.of(runId));
        for (int i = 1; i < 3; i++) {
            runIds.add((String) api.send(
                            POST,
                            "/v1/orgs/" + orgId + "/runs",
                            owner,
                            "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Poll " + i + ".\"}",
                            UUID.randomUUID().toString())
                    .getBody()
                    .get("id"));
        }
        // ten callers (API keys) of three streams each, as a caller may hold three here
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add((String) api.send(
                            POST,
                            "/v1/orgs/" + orgId + "/api-keys",
                            owner,
                            "{\"name\":\"dashboard " + i + "\",\"role\":\"viewer\"}")
                    .getBody()
                    .get("key"));
        }
        List<Socket> open = new ArrayList<>();
        open.add(listen(keys.get(0), runIds.get(0)));
        long withOne = runsScansDuringWindow();

        for (int i = 1; i < 30; i++) {
            open.add(listen(keys.get(i / 3), runIds.get(i % runIds.size())));
        }
        long withThirty = runsScansDuringWindow();
        for (Socket socket : open) {
            socket.close();
        }

        // one shared read of the three runs may probe the index once per run (PostgreSQL counts each probe a scan):
        // up to three times one run's cost, where a poll per stream would be about 30 times as many
        assertThat(withOne).isGreaterThanOrEqualTo(10);
        assertThat(withThirty).isLessThan(withOne * 4);
    }
}
