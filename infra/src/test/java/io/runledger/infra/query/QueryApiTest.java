package io.runledger.infra.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import io.runledger.infra.testing.RenderTime;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The query API over a tenant's projected day: lists, details, filters, pages, usage, dashboard, logs, streams. */
@ReadModelIntegrationTest
class QueryApiTest extends ApiTest {

    @LocalServerPort
    int port;

    private TenantDay day;
    private String org;

    @BeforeAll
    void a_tenants_projected_day() {
        day = TenantDay.live(api, "Queried Inc").projectedIn(jdbc);
        org = "/v1/orgs/" + day.orgId();
    }

    private Map<String, Object> get(String path) {
        ResponseEntity<Map<String, Object>> answer = api.send(GET, path, day.ownerToken(), null);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @Test
    void runs_list_newest_first_and_filter_by_status_and_pattern() {
        assertThat(items(get(org + "/runs")))
                .extracting(run -> run.get("id"))
                .containsExactly(day.failedRun(), day.succeededRun());
        assertThat(items(get(org + "/runs?status=failed")))
                .extracting(run -> run.get("id"))
                .containsExactly(day.failedRun());
        assertThat(items(get(org + "/runs?pattern=summarize")))
                .extracting(run -> run.get("id"))
                .containsExactly(day.succeededRun());
        assertThat(items(get(org + "/runs?from=2000-01-01&to=2001-01-01"))).isEmpty();
    }

    @Test
    void runs_come_a_page_at_a_time_without_repeats() {
        Map<String, Object> first = get(org + "/runs?limit=1");
        Map<String, Object> second = get(org + "/runs?limit=1&cursor=" + first.get("nextCursor"));

        assertThat(items(first)).extracting(run -> run.get("id")).containsExactly(day.failedRun());
        assertThat(items(second)).extracting(run -> run.get("id")).containsExactly(day.succeededRun());
        assertThat(second.get("nextCursor")).isNull();
    }

    @Test
    void a_run_reads_with_its_outputs() {
        Map<String, Object> run = get(org + "/runs/" + day.succeededRun());

        assertThat(run)
                .containsEntry("status", "succeeded")
                .containsEntry("pattern", "summarize")
                .containsEntry("attempt", 1);
        assertThat(items(Map.of("items", run.get("outputs")))).singleElement().satisfies(output -> assertThat(output)
                .containsEntry("content", "Every fact is kept.")
                .containsEntry("keywords", List.of("events", "facts")));
    }

    @Test
    void mistakes_in_a_query_are_problems() {
        ResponseEntity<Map<String, Object>> badStatus =
                api.send(GET, org + "/runs?status=done", day.ownerToken(), null);
        ResponseEntity<Map<String, Object>> badCursor =
                api.send(GET, org + "/runs?cursor=nonsense", day.ownerToken(), null);
        ResponseEntity<Map<String, Object>> badDate =
                api.send(GET, org + "/runs?from=yesterday", day.ownerToken(), null);
        ResponseEntity<Map<String, Object>> badLimit = api.send(GET, org + "/runs?limit=many", day.ownerToken(), null);
        ResponseEntity<Map<String, Object>> unknown =
                api.send(GET, org + "/runs/" + UUID.randomUUID(), day.ownerToken(), null);

        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStatus.getBody()).containsEntry("type", "https://runledger.io/problems/invalid-parameter");
        assertThat(badCursor.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLimit.getBody()).containsEntry("detail", "'many' is not a valid limit");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void another_tenant_reads_nothing_of_this_one() {
        String stranger = api.tokenFor("stranger-" + UUID.randomUUID() + "@example.com");
        api.createOrg(stranger, "Stranger Inc");

        for (String path : List.of(
                org,
                org + "/runs",
                org + "/runs/" + day.succeededRun(),
                org + "/projects",
                org + "/projects/" + day.projectId(),
                org + "/generations",
                org + "/generations/" + day.generationId(),
                org + "/usage",
                org + "/dashboard",
                org + "/system-logs")) {
            assertThat(api.send(GET, path, stranger, null).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        // the stranger's new org shows once projected
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        items(api.send(GET, "/v1/orgs", stranger, null).getBody()))
                .extracting(o -> o.get("name"))
                .containsExactly("Stranger Inc"));
    }

    @Test
    void orgs_show_plan_trial_and_the_months_generations() {
        Map<String, Object> orgView = get(org);

        assertThat(orgView)
                .containsEntry("name", "Queried Inc")
                .containsEntry("subscriptionPlan", "free")
                .containsEntry("subscriptionStatus", "trialing")
                .containsEntry("generationsThisMonth", 1)
                .containsEntry("generationsLimit", 3)
                .containsEntry("members", 2);
        assertThat(items(get("/v1/orgs"))).extracting(o -> o.get("id")).contains(day.orgId());
    }

    @Test
    void projects_and_generations_read_with_their_status() {
        assertThat(items(get(org + "/projects"))).extracting(p -> p.get("id")).containsExactly(day.projectId());
        assertThat(get(org + "/projects/" + day.projectId()))
                .containsEntry("status", "completed")
                .containsEntry("stylePreference", "organic");
        assertThat(items(get(org + "/generations?status=completed")))
                .extracting(g -> g.get("id"))
                .containsExactly(day.generationId());
        assertThat(items(get(org + "/generations?status=failed"))).isEmpty();
        assertThat(get(org + "/generations/" + day.generationId()))
                .containsEntry("fileSize", 48_000_000)
                .containsEntry("audioAnalysis", Map.of("bpm", 128));
    }

    @Test
    void usage_adds_up_per_type_and_against_the_plans_limits() {
        Map<String, Object> usage = get(org + "/usage");

        assertThat(usage).containsEntry("plan", "free");
        assertThat(usage.get("totals"))
                .isEqualTo(Map.of(
                        "run.created",
                        2,
                        "run.completed",
                        1,
                        "tokens.used",
                        1543,
                        "generations.completed",
                        1,
                        "render.seconds",
                        (int) RenderTime.billedSeconds(jdbc, day.generationId())));
        assertThat(items(Map.of("items", usage.get("limits"))))
                .extracting(l -> l.get("limit") + " " + l.get("used") + "/" + l.get("allowed"))
                .containsExactly("max_runs_per_day 2/50", "generations_per_month 1/3");
    }

    @Test
    void the_dashboard_sums_up_runs_patterns_and_renders() {
        Map<String, Object> dashboard = get(org + "/dashboard");

        assertThat(dashboard.get("runsByStatus"))
                .isEqualTo(Map.of("queued", 0, "processing", 0, "succeeded", 1, "failed", 1));
        assertThat(dashboard).containsEntry("successRate", 0.5);
        assertThat(items(Map.of("items", dashboard.get("patterns"))))
                .extracting(p -> p.get("pattern"))
                .containsExactlyInAnyOrder("summarize", "extract_keywords");
        assertThat(dashboard.get("generations"))
                .isEqualTo(Map.of(
                        "completed",
                        1,
                        "failed",
                        0,
                        "renderSecondsAvg",
                        95.0,
                        "renderSecondsP95",
                        95.0,
                        "bytesRendered",
                        48_000_000));
    }

    @Test
    void the_system_log_filters_by_severity_and_action() {
        assertThat(items(get(org + "/system-logs?severity=error")))
                .singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("message", "Run failed: model overloaded"));
        assertThat(items(get(org + "/system-logs?actionType=generation_completed&generationId=" + day.generationId())))
                .hasSize(1);
        Map<String, Object> page = get(org + "/system-logs?limit=5");
        assertThat(items(page)).hasSize(5);
        assertThat(items(get(org + "/system-logs?limit=5&cursor=" + page.get("nextCursor"))))
                .extracting(entry -> entry.get("id"))
                .doesNotContainAnyElementsOf(
                        items(page).stream().map(e -> e.get("id")).toList());
    }

    @Test
    void the_system_log_reads_newest_first_in_store_order_page_by_page_with_quantities_in_plain_numbers() {
        // an org of its own: a run whose success and the usage it bills are recorded by one command
        String ordered = api.createOrg(day.ownerToken(), "Ordered Inc");
        String runId = (String) api.send(
                        POST,
                        "/v1/orgs/" + ordered + "/runs",
                        day.ownerToken(),
                        "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"In order.\"}",
                        "ordered-1")
                .getBody()
                .get("id");
        Map<String, Object> claim =
                api.send(POST, "/v1/worker/runs/claim", TenantDay.WORKER, "{}").getBody();
        String lease = "{\"leaseId\":\"" + claim.get("leaseId") + "\"";
        api.send(POST, "/v1/worker/runs/" + runId + "/outputs", TenantDay.WORKER, lease + ",\"content\":\"ok\"}");
        api.send(
                POST,
                "/v1/worker/runs/" + runId + "/usage",
                TenantDay.WORKER,
                lease + ",\"usageId\":\"" + UUID.randomUUID() + "\",\"meter\":\"tokens.used\",\"quantity\":100}");
        api.send(POST, "/v1/worker/runs/" + runId + "/complete", TenantDay.WORKER, lease + "}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> items(get("/v1/orgs/" + ordered + "/system-logs")).size()
                        == storeNewestFirst(ordered).size());
        List<String> store = storeNewestFirst(ordered);

        List<Map<String, Object>> paged = new ArrayList<>();
        String cursor = "";
        do {
            Map<String, Object> page = get("/v1/orgs/" + ordered + "/system-logs?limit=3" + cursor);
            paged.addAll(items(page));
            cursor = page.get("nextCursor") == null ? null : "&cursor=" + page.get("nextCursor");
        } while (cursor != null);

        assertThat(paged)
                .extracting(entry -> entry.get("id") + "@" + entry.get("globalIndex"))
                .containsExactlyElementsOf(store);
        assertThat(paged).extracting(entry -> entry.get("actionType")).startsWith("usage_recorded", "run_succeeded");
        assertThat(paged)
                .filteredOn(entry -> "usage_recorded".equals(entry.get("actionType")))
                .extracting(entry -> entry.get("message"))
                .containsExactly(
                        "Usage recorded: 1 of run.completed",
                        "Usage recorded: 100 of tokens.used",
                        "Usage recorded: 1 of run.created");
        assertThat(paged)
                .filteredOn(entry -> "usage_recorded".equals(entry.get("actionType")))
                .extracting(entry -> ((Map<?, ?>) ((Map<?, ?>) entry.get("details")).get("event"))
                        .get("quantity")
                        .toString())
                .containsExactly("1", "100", "1");
    }

    /** The org's events as {@code id@globalIndex}, newest first. */
    private List<String> storeNewestFirst(String orgId) {
        return jdbc.queryForList("""
                select event_identifier || '@' || global_index from domain_event_entry
                where convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ? order by global_index desc
                """, String.class, orgId);
    }

    @Test
    void a_finished_runs_stream_sends_its_status_and_ends() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(day.ownerToken());
        headers.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));

        ResponseEntity<String> stream = http.exchange(
                org + "/runs/" + day.succeededRun() + "/stream", GET, new HttpEntity<>(headers), String.class);

        assertThat(stream.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stream.getBody()).startsWith("event:status").contains("\"status\":\"succeeded\"");
    }

    @Test
    void a_live_runs_stream_sends_each_status_change_as_it_happens() throws Exception {
        // an org of its own, so the day's figures the other tests check stay as they are
        String liveOrg = "/v1/orgs/" + api.createOrg(day.ownerToken(), "Live Inc");
        String runId = (String) api.send(
                        POST,
                        liveOrg + "/runs",
                        day.ownerToken(),
                        "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Live.\"}",
                        "live-1")
                .getBody()
                .get("id");
        List<String> statuses = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + liveOrg + "/runs/" + runId + "/stream"))
                .header("Authorization", "Bearer " + day.ownerToken())
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> stream =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = stream.thenAccept(response -> response.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> statuses.add(line.replaceAll(".*\"status\":\"([a-z]+)\".*", "$1"))));

        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.contains("queued"));
        Map<String, Object> claim =
                api.send(POST, "/v1/worker/runs/claim", TenantDay.WORKER, "{}").getBody();
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.contains("processing"));
        String lease = "\"leaseId\":\"" + claim.get("leaseId") + "\"";
        api.send(POST, "/v1/worker/runs/" + runId + "/outputs", TenantDay.WORKER, "{" + lease + ",\"content\":\"ok\"}");
        api.send(POST, "/v1/worker/runs/" + runId + "/complete", TenantDay.WORKER, "{" + lease + "}");
        reading.get(10, TimeUnit.SECONDS);

        assertThat(claim).containsEntry("id", runId);
        assertThat(statuses).containsExactly("queued", "processing", "succeeded");
    }

    @Test
    void an_api_key_reads_its_org() {
        String key = (String)
                api.send(POST, org + "/api-keys", day.ownerToken(), "{\"name\":\"dashboards\",\"role\":\"viewer\"}")
                        .getBody()
                        .get("key");

        assertThat(api.send(GET, org + "/runs", key, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(items(api.send(GET, "/v1/orgs", key, null).getBody()))
                .extracting(o -> o.get("id"))
                .containsExactly(day.orgId());
    }
}
