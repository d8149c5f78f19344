package io.runledger.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A tenant's first day, lived through the HTTP API: an owner and a developer, a key, two runs (one
 * succeeds with an output and token usage, one fails), a project whose generation a render worker takes to
 * its video (billed with its render seconds). Needs a context where no other test leaves jobs waiting, since its workers claim the next job.
 */
public record TenantDay(
        String orgId, String ownerToken, String succeededRun, String failedRun, String projectId, String generationId) {

    public static final String WORKER = "test-worker-token";
    /** Two runs created, one completed with its tokens; one generation completed with its render seconds. */
    public static final int USAGE_EVENTS = 6;

    public static TenantDay live(ApiClient api, String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OrgOwner orgOwner = OrgOwner.signUp(api, "owner", name);
        String owner = orgOwner.token();
        String orgId = orgOwner.orgId();
        String developer = orgOwner.member("dev-" + suffix + "@example.com", "developer");
        expect(HttpStatus.CREATED, orgOwner.send(POST, "/api-keys", "{\"name\":\"CI\",\"role\":\"developer\"}"));

        String succeeded = queueRun(orgOwner, developer, "summarize", "Event sourcing keeps every fact.");
        Map<String, Object> claim = claim(api, "runs");
        report(
                api,
                "runs",
                claim,
                "outputs",
                "\"content\":\"Every fact is kept.\",\"summary\":\"Facts\",\"keywords\":[\"events\",\"facts\"]");
        report(
                api,
                "runs",
                claim,
                "usage",
                "\"usageId\":\"" + UUID.randomUUID() + "\",\"meter\":\"tokens.used\",\"quantity\":1543");
        report(api, "runs", claim, "complete", "");

        String failed = queueRun(orgOwner, owner, "extract_keywords", "A second text.");
        report(api, "runs", claim(api, "runs"), "fail", "\"error\":\"model overloaded\"");

        String projectId = (String) expect(
                        HttpStatus.CREATED,
                        api.send(
                                POST,
                                "/v1/orgs/" + orgId + "/projects",
                                developer,
                                "{\"name\":\"Launch video\",\"prompt\":\"neon city\",\"audioPath\":\"audio/launch.mp3\",\"audioDuration\":184.5}"))
                .get("id");
        String generationId = (String) expect(
                        HttpStatus.ACCEPTED,
                        api.send(
                                POST,
                                "/v1/orgs/" + orgId + "/projects/" + projectId + "/generations",
                                developer,
                                "{}",
                                "gen-" + suffix))
                .get("id");
        Map<String, Object> render = claim(api, "generations");
        report(api, "generations", render, "analysis", "\"audioAnalysis\":{\"bpm\":128}");
        report(api, "generations", render, "plan", "\"visualPlan\":{\"scenes\":12}");
        report(api, "generations", render, "render", "");
        report(
                api,
                "generations",
                render,
                "complete",
                "\"videoUrl\":\"https://cdn.example.com/" + suffix
                        + ".mp4\",\"fileSizeBytes\":48000000,\"renderTimeSeconds\":95,\"durationSeconds\":184.5");
        return new TenantDay(orgId, owner, succeeded, failed, projectId, generationId);
    }

    /** Waits until every read model shows the whole day: each table's last change, and one log row per event. */
    public TenantDay projectedIn(JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject(
                            "select count(*) from system_logs where organization_id = ?::uuid", Long.class, orgId))
                    .isEqualTo(jdbc.queryForObject("""
                    select count(*) from domain_event_entry where convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ?
                    """, Long.class, orgId));
            assertThat(jdbc.queryForList("select status from projects where id = ?::uuid", String.class, projectId))
                    .containsExactly("completed");
            assertThat(jdbc.queryForList("select status from runs where id = ?::uuid", String.class, failedRun))
                    .containsExactly("failed");
            assertThat(jdbc.queryForList(
                            "select generations_this_month from orgs where id = ?::uuid", Integer.class, orgId))
                    .containsExactly(1);
            assertThat(jdbc.queryForObject(
                            "select count(*) from usage_events where org_id = ?::uuid", Long.class, orgId))
                    .isEqualTo(USAGE_EVENTS);
            assertThat(jdbc.queryForList(
                            "select status from subscriptions where org_id = ?::uuid", String.class, orgId))
                    .containsExactly("trialing");
            assertThat(jdbc.queryForObject(
                            "select count(*) from users u join org_memberships m on m.user_id = u.id "
                                    + "where m.org_id = ?::uuid",
                            Long.class,
                            orgId))
                    .isEqualTo(2);
        });
        return this;
    }

    private static String queueRun(OrgOwner owner, String token, String pattern, String input) {
        return (String) expect(
                        HttpStatus.ACCEPTED,
                        owner.queueRun(
                                token,
                                UUID.randomUUID().toString(),
                                "{\"pattern\":\"" + pattern + "\",\"inputSource\":\"text\",\"input\":\"" + input
                                        + "\"}"))
                .get("id");
    }

    private static Map<String, Object> claim(ApiClient api, String kind) {
        return expect(HttpStatus.OK, api.send(POST, "/v1/worker/" + kind + "/claim", WORKER, "{\"workerId\":\"w-1\"}"));
    }

    private static void report(ApiClient api, String kind, Map<String, Object> claim, String step, String fields) {
        String body = "{\"leaseId\":\"" + claim.get("leaseId") + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
        ResponseEntity<Map<String, Object>> answer =
                api.send(POST, "/v1/worker/" + kind + "/" + claim.get("id") + "/" + step, WORKER, body);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(step + " refused: " + answer);
        }
    }

    private static Map<String, Object> expect(HttpStatus status, ResponseEntity<Map<String, Object>> answer) {
        if (answer.getStatusCode() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + answer);
        }
        return answer.getBody();
    }
}
