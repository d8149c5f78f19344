package io.runledger.infra.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** All open status streams of an instance share one poll of the read model per interval. */
@RunledgerIntegrationTest
@TestPropertySource(properties = {"runledger.streams.max-per-caller=100", "runledger.streams.poll-interval=100ms"})
class StatusStreamPollingApiTest {

    // long enough for ~30 polls, so PostgreSQL's statistics, reported up to a second late, are a small part of it
    private static final long WINDOW_MILLIS = 3000;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    /** A client that opens the run's stream, reads its first event and keeps the connection open. */
    private Socket listen(String orgId, String runId, String token) throws Exception {
        Socket socket = new Socket("localhost", port);
        socket.getOutputStream().write(("GET /v1/orgs/" + orgId + "/runs/" + runId + "/stream HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().contains("\"id\":\"" + runId + "\"")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200").contains("event:status");
        return socket;
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
        ApiClient api = new ApiClient(http);
        String owner = api.tokenFor("polling-" + UUID.randomUUID() + "@example.com");
        String orgId = api.createOrg(owner, "Polling Inc");
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runIds.add((String) api.send(POST, "/v1/orgs/" + orgId + "/runs", owner,
                    "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Poll " + i + ".\"}",
                    UUID.randomUUID().toString()).getBody().get("id"));
        }
        List<Socket> open = new ArrayList<>();
        open.add(listen(orgId, runIds.get(0), owner));
        long withOne = runsScansDuringWindow();

        for (int i = 1; i < 30; i++) {
            open.add(listen(orgId, runIds.get(i % runIds.size()), owner));
        }
        long withThirty = runsScansDuringWindow();
        for (Socket socket : open) {
            socket.close();
        }

        // a poll per stream would be about 30 times as many
        assertThat(withOne).isGreaterThanOrEqualTo(10);
        assertThat(withThirty).isLessThan(withOne * 2);
    }
}
