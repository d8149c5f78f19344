package io.runledger.infra.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.runledger.infra.testing.FreshDatabaseInitializer;
import io.runledger.infra.testing.OrgOwner;
import io.runledger.infra.testing.RunningRunledger;
import io.runledger.infra.testing.TestDatabases;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

/** Stopping the service (SIGTERM closes the context) ends every open status stream with a last event, at once. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatusStreamShutdownTest {

    private static final long WITHIN_MILLIS = 1000;

    @Test
    void an_open_stream_gets_a_shutdown_event_and_ends_within_a_second_of_the_shutdown() throws Exception {
        RunningRunledger running =
                RunningRunledger.start(FreshDatabaseInitializer.databaseProperties(TestDatabases.createFresh()));
        CompletableFuture<Void> closed = null;
        try (Socket socket = new Socket(
                "localhost", Integer.parseInt(running.bean(Environment.class).getProperty("local.server.port")))) {
            OrgOwner owner = OrgOwner.signUp(running.api(), "streams", "Shutting Down Inc");
            String orgId = owner.orgId();
            String runId = (String) owner.queueRun(
                            UUID.randomUUID().toString(),
                            "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Until the end.\"}")
                    .getBody()
                    .get("id");
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /v1/orgs/" + orgId + "/runs/" + runId + "/stream HTTP/1.1\r\n"
                                    + "Host: localhost\r\nAuthorization: Bearer " + owner.token()
                                    + "\r\nAccept: text/event-stream\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            while (!received.toString(StandardCharsets.UTF_8).contains("\"id\":\"" + runId + "\"")) {
                int next = in.read();
                assertThat(next).as("the stream's first event").isNotNegative();
                received.write(next);
            }

            long shutdownAt = System.nanoTime();
            closed = CompletableFuture.runAsync(running::close);
            in.transferTo(received);
            long endedAfterMillis = (System.nanoTime() - shutdownAt) / 1_000_000;

            assertThat(received.toString(StandardCharsets.UTF_8))
                    .contains("event:shutdown")
                    .contains("\"detail\":\"The server is shutting down; follow the stream again to go on\"");
            assertThat(endedAfterMillis).isLessThan(WITHIN_MILLIS);
        } finally {
            (closed == null ? CompletableFuture.runAsync(running::close) : closed).join();
        }
    }
}
