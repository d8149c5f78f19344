package io.runledger.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.runledger.infra.RunledgerApplication;
import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.ChildRunledger;
import io.runledger.infra.testing.FreshDatabaseInitializer;
import io.runledger.infra.testing.TestDatabases;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.PortInUseException;

/** How the service stops with clients attached, and how it says why it cannot start. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@ExtendWith(OutputCaptureExtension.class)
class ShutdownAndStartupTest {

    private static final String RUN = "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Streams end cleanly.\"}";

    @Test
    @SuppressWarnings("unchecked")
    void an_open_status_stream_gets_a_final_event_and_ends_within_a_second_of_sigterm() throws Exception {
        try (ChildRunledger child = ChildRunledger.start(Map.of(),
                new HashMap<>(FreshDatabaseInitializer.databaseProperties(TestDatabases.createFresh())))) {
            ApiClient api = child.api();
            String token = api.tokenFor("streams-shutdown@example.com");
            String org = api.createOrg(token, "Shutdown Org");
            String runId = (String) api.send(POST, "/v1/orgs/" + org + "/runs", token, RUN).getBody().get("id");
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(child.baseUrl() + "/v1/orgs/" + org + "/runs/" + runId + "/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            Iterator<String> lines = stream.body().iterator();
            // comments until the run is in the read model, then its status
            String line = lines.next();
            while (!line.equals("event:status")) {
                line = lines.next();
            }

            child.terminate();
            long signalled = System.nanoTime();
            List<String> rest = new ArrayList<>();
            lines.forEachRemaining(rest::add);
            Duration endedAfter = Duration.ofNanos(System.nanoTime() - signalled);

            assertThat(rest).contains("event:shutdown");
            assertThat(endedAfter).isLessThan(Duration.ofSeconds(1));
            // nothing left to wait for: the process ends without sitting out the 30 s shutdown phase
            child.awaitExit(Duration.ofSeconds(25));
        }
    }

    @Test
    void a_port_in_use_is_reported_before_the_database_is_touched(CapturedOutput output) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Throwable failure = startFailure("--server.port=" + taken.getLocalPort(),
                    // were the database tried first, this would be the failure
                    "--runledger.db.url=jdbc:postgresql://127.0.0.1:" + closedPort() + "/runledger");

            assertThat(causes(failure)).contains(PortInUseException.class);
            assertThat(output.getOut()).contains("Port " + taken.getLocalPort() + " was already in use");
        }
    }

    @Test
    void a_database_that_cannot_be_reached_is_explained_in_one_paragraph_naming_the_setting(CapturedOutput output)
            throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/runledger";

        startFailure("--server.port=0", "--runledger.db.url=" + url);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START",
                "Runledger could not use its database at " + url + " (RUNLEDGER_DB_URL)",
                "Check RUNLEDGER_DB_URL (runledger.db.url)");
    }

    private static Throwable startFailure(String... arguments) {
        try {
            new SpringApplicationBuilder(RunledgerApplication.class).run(arguments).close();
        } catch (RuntimeException failed) {
            return failed;
        }
        throw new AssertionError("Runledger started with " + List.of(arguments));
    }

    private static List<Class<?>> causes(Throwable failure) {
        List<Class<?>> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            causes.add(cause.getClass());
        }
        return causes;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
