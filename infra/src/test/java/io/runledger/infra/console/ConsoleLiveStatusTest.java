package io.runledger.infra.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.POST;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.runledger.console.ConsoleSession;
import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A console page follows each unfinished run it shows through the console's relay of the API's status stream. The
 * relays hold no thread while they wait, so many pages follow runs at once and each sees its run to the end.
 */
@RunledgerIntegrationTest
class ConsoleLiveStatusTest extends OrgOwnerApiTest {

    /** How many streams a caller may hold at once ({@code runledger.streams.max-per-caller}). */
    private static final int STREAMS_PER_CALLER = 10;
    /** More than the 8 threads of Spring's task executor, fewer than the streams a caller may hold. */
    private static final int PAGES = 9;

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newHttpClient();

    ConsoleLiveStatusTest() {
        super("live", "Live Pages");
    }

    /** The lines a page's {@code EventSource} has read so far, until its stream ends. */
    private record Follower(
            String runId, List<String> lines, AtomicReference<Stream<String>> body, CompletableFuture<Void> ended) {

        /** The page is closed or left: its connection to the console ends. */
        void leave() {
            Stream<String> open = body.get();
            if (open != null) {
                open.close();
            }
        }

        boolean saw(String status) {
            return lines.stream()
                    .anyMatch(line -> line.startsWith("data:") && line.contains("\"status\":\"" + status + "\""));
        }
    }

    private Follower follow(String runId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/orgs/" + owner.orgId() + "/runs/" + runId + "/stream"))
                .header("Cookie", ConsoleSession.COOKIE + "=" + owner.token())
                .header("Accept", "text/event-stream")
                .build();
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicReference<Stream<String>> body = new AtomicReference<>();
        CompletableFuture<Void> ended = browser.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(answer -> {
                    body.set(answer.body());
                    try (Stream<String> events = answer.body()) {
                        events.forEach(lines::add);
                    }
                });
        return new Follower(runId, lines, body, ended);
    }

    /**
     * Opens {@code count} pages on the run and, as an {@code EventSource} does, opens again a page whose stream was
     * refused, until each follows it.
     */
    private List<Follower> followedByAll(String runId, int count) {
        List<Follower> pages = new ArrayList<>(
                IntStream.range(0, count).mapToObj(page -> follow(runId)).toList());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            pages.replaceAll(page -> page.ended().isDone() && !page.saw("queued") ? follow(runId) : page);
            return pages.stream().allMatch(page -> page.saw("queued"));
        });
        return pages;
    }

    @Test
    void a_page_that_goes_away_gives_its_stream_back_to_its_caller() {
        String runId = queueRun("Visited twice.");
        followedByAll(runId, STREAMS_PER_CALLER).forEach(Follower::leave);

        // the caller holds as many streams as it may: the second visit follows only once the first's are released
        followedByAll(runId, STREAMS_PER_CALLER).forEach(Follower::leave);
    }

    @Test
    void more_pages_follow_runs_at_once_than_there_are_threads_for_waiting_requests_and_each_sees_its_run_end() {
        List<Follower> pages = IntStream.range(0, PAGES)
                .mapToObj(page -> follow(queueRun("Page " + page + ".")))
                .toList();
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages).allMatch(page -> page.saw("queued")));

        Set<String> ours = new HashSet<>(pages.stream().map(Follower::runId).toList());
        Set<String> failed = new HashSet<>();
        await().atMost(WAIT)
                .until(
                        () -> { // the queue is the whole platform's: claim until each of ours is claimed
                            Map<String, Object> job = api.send(POST, "/v1/worker/runs/claim", TenantDay.WORKER, "{}")
                                    .getBody();
                            if (job != null && ours.contains(job.get("id"))) {
                                ResponseEntity<Map<String, Object>> fail = api.send(
                                        POST,
                                        "/v1/worker/runs/" + job.get("id") + "/fail",
                                        TenantDay.WORKER,
                                        "{\"leaseId\":\"" + job.get("leaseId")
                                                + "\",\"error\":\"stopped by the test\"}");
                                assertThat(fail.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
                                failed.add((String) job.get("id"));
                            }
                            return failed.equals(ours);
                        });

        // a page that does not end is shown with the lines it read
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages)
                .allMatch(page -> page.ended().isDone()));
        assertThat(pages).allMatch(page -> page.saw("failed"));
    }

    private String queueRun(String input) {
        return (String) owner.queueRun(
                        UUID.randomUUID().toString(),
                        "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"" + input + "\"}")
                .getBody()
                .get("id");
    }
}
