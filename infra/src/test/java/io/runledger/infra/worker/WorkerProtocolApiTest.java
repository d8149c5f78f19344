package io.runledger.infra.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.runledger.command.worker.LeaseExpiry;
import io.runledger.domain.run.RunFailed;
import io.runledger.infra.testing.EventHistories;
import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RenderTime;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The worker protocol end to end: claims, leases, reports and lease expiry, on a database of its own
 * (no jobs left by other tests), with the expiry sweep run by the tests rather than the timer.
 */
@RunledgerIntegrationTest
@TestPropertySource(
        properties = {
            "runledger.worker.tokens=llm:llm-secret,render:render-secret",
            "runledger.worker.max-attempts=2",
            "runledger.worker.max-inline-output=1KB",
            "runledger.worker.sweep-interval=1h"
        })
class WorkerProtocolApiTest extends OrgOwnerApiTest {

    private static final String LLM = "llm-secret";
    private static final String RENDER = "render-secret";
    private static final String SUMMARIZE =
            "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Leases keep workers honest.\"}";

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    LeaseExpiry leaseExpiry;

    WorkerProtocolApiTest() {
        super("worker", "Leased Inc");
    }

    /** Every test leaves the queue empty for the next: whatever is still waiting is claimed and failed. */
    @AfterEach
    void drainQueues() {
        for (String kind : List.of("runs", "generations")) {
            ResponseEntity<Map<String, Object>> claim;
            while ((claim = claim(kind, kind.equals("runs") ? LLM : RENDER)).getStatusCode() == HttpStatus.OK) {
                String error = kind.equals("runs") ? "error" : "errorMessage";
                report(kind, claim, "fail", "\"" + error + "\":\"test over\"");
            }
        }
    }

    private String queueRun(String org, String token) {
        ResponseEntity<Map<String, Object>> queued = api.send(
                POST,
                "/v1/orgs/" + org + "/runs",
                token,
                SUMMARIZE,
                UUID.randomUUID().toString());
        assertThat(queued.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return (String) queued.getBody().get("id");
    }

    private ResponseEntity<Map<String, Object>> claim(String kind, String token) {
        return api.send(POST, "/v1/worker/" + kind + "/claim", token, "{\"workerId\":\"" + kind + "-worker-1\"}");
    }

    private ResponseEntity<Map<String, Object>> report(
            String kind, ResponseEntity<Map<String, Object>> claim, String step, String fields) {
        return reportUnder(
                kind,
                (String) claim.getBody().get("id"),
                (String) claim.getBody().get("leaseId"),
                step,
                fields);
    }

    private ResponseEntity<Map<String, Object>> reportUnder(
            String kind, String jobId, String leaseId, String step, String fields) {
        return reportAs(kind.equals("runs") ? LLM : RENDER, kind, jobId, leaseId, step, fields);
    }

    private ResponseEntity<Map<String, Object>> reportAs(
            String credential, String kind, String jobId, String leaseId, String step, String fields) {
        String body = "{\"leaseId\":\"" + leaseId + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
        return api.send(POST, "/v1/worker/" + kind + "/" + jobId + "/" + step, credential, body);
    }

    private List<String> eventTypesOf(String aggregateId) {
        return jdbc.queryForList("""
                select regexp_replace(payload_type, '.*\\.', '') from domain_event_entry
                where aggregate_identifier = ? order by sequence_number
                """, String.class, aggregateId);
    }

    private Map<String, Object> lastEventOf(String aggregateId, String type) {
        return jdbc.queryForMap("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'workerId' as worker_id,
                       (convert_from(payload, 'UTF8')::jsonb ->> 'attempt')::int as attempt,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' as actor
                from domain_event_entry where aggregate_identifier = ? and payload_type like ?
                order by sequence_number desc limit 1
                """, aggregateId, "%." + type);
    }

    /** The lease's deadline passes, as it would after the lease period without a heartbeat. */
    private void deadlinePasses(String jobId) {
        jdbc.update(
                "update work_queue set lease_expires_at = now() - interval '1 second' where job_id = ?::uuid", jobId);
    }

    @Test
    void a_worker_claims_a_queued_run_with_its_input_pattern_and_a_lease_and_the_run_starts() {
        String runId = queueRun(owner.orgId(), owner.token());

        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);

        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(claim.getBody())
                .containsEntry("id", runId)
                .containsEntry("orgId", owner.orgId())
                .containsEntry("attempt", 1)
                .containsEntry("workerId", "runs-worker-1");
        assertThat(Instant.parse((String) claim.getBody().get("leaseExpiresAt")))
                .isAfter(Instant.now());
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) claim.getBody().get("task");
        assertThat(task)
                .containsEntry("input", "Leases keep workers honest.")
                .containsEntry("pattern", "summarize")
                .containsEntry("strategy", "map-reduce")
                .containsEntry("inputSource", "text");
        assertThat(eventTypesOf(runId)).containsExactly("RunQueued", "UsageRecorded", "RunStarted");
        assertThat(lastEventOf(runId, "RunStarted"))
                .containsEntry("worker_id", "runs-worker-1")
                .containsEntry("attempt", 1)
                .containsEntry("actor", "worker:llm");
    }

    @Test
    void a_worker_delivers_an_output_and_its_token_usage_then_completes_the_run() {
        String runId = queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);

        ResponseEntity<Map<String, Object>> output = report(
                "runs",
                claim,
                "outputs",
                "\"content\":\"Workers hold leases.\",\"summary\":\"One line\",\"keywords\":[\"lease\"]");
        ResponseEntity<Map<String, Object>> usage =
                report("runs", claim, "usage", "\"meter\":\"tokens.used\",\"quantity\":1543");
        ResponseEntity<Map<String, Object>> complete = report("runs", claim, "complete", "");
        ResponseEntity<Map<String, Object>> retried = report("runs", claim, "complete", "");

        assertThat(output.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(output.getBody()).containsKey("outputId");
        assertThat(usage.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eventTypesOf(runId)).containsExactlyElementsOf(EventHistories.SUCCEEDED_RUN);
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'quantity' from domain_event_entry
                where aggregate_identifier = ? and convert_from(payload, 'UTF8')::jsonb ->> 'meter' = 'TOKENS_USED'
                """, String.class, runId)).isEqualTo("1543");
        assertThat(claim("runs", LLM).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static String usage(UUID usageId, int quantity) {
        return "\"usageId\":\"" + usageId + "\",\"meter\":\"tokens.used\",\"quantity\":" + quantity;
    }

    @Test
    void a_usage_report_retried_under_its_usage_id_is_recorded_once_and_answered_as_the_first_was() {
        String runId = queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);
        UUID usageId = UUID.randomUUID();

        ResponseEntity<Map<String, Object>> first = report("runs", claim, "usage", usage(usageId, 1543));
        ResponseEntity<Map<String, Object>> retried = report("runs", claim, "usage", usage(usageId, 1543));
        report("runs", claim, "outputs", "\"content\":\"done\"");
        report("runs", claim, "complete", "");
        ResponseEntity<Map<String, Object>> retriedAfterCompletion =
                report("runs", claim, "usage", usage(usageId, 1543));

        assertThat(List.of(first, retried, retriedAfterCompletion))
                .extracting(ResponseEntity::getStatusCode)
                .containsOnly(HttpStatus.NO_CONTENT);
        assertThat(billed(runId)).containsExactly("RUN_CREATED 1", "TOKENS_USED 1543", "RUN_COMPLETED 1");
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'usageId' from domain_event_entry
                where aggregate_identifier = ? and convert_from(payload, 'UTF8')::jsonb ->> 'meter' = 'TOKENS_USED'
                """, String.class, runId)).isEqualTo(usageId.toString());
    }

    @Test
    void a_usage_id_sent_again_with_another_quantity_is_a_conflict_and_changes_nothing() {
        String runId = queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);
        UUID usageId = UUID.randomUUID();
        report("runs", claim, "usage", usage(usageId, 1543));

        ResponseEntity<Map<String, Object>> reused = report("runs", claim, "usage", usage(usageId, 99));

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(reused.getBody()).containsEntry("type", "https://runledger.io/problems/usage-id-reused");
        assertThat((String) reused.getBody().get("detail")).contains(usageId.toString());
        assertThat(billed(runId)).containsExactly("RUN_CREATED 1", "TOKENS_USED 1543");
    }

    @Test
    void the_same_usage_report_sent_concurrently_is_recorded_once() throws Exception {
        String runId = queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);
        String report = usage(UUID.randomUUID(), 1543);

        List<ResponseEntity<Map<String, Object>>> answers = atOnce(8, () -> report("runs", claim, "usage", report));

        assertThat(answers).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.NO_CONTENT);
        assertThat(billed(runId)).containsExactly("RUN_CREATED 1", "TOKENS_USED 1543");
    }

    @Test
    void usage_reported_without_an_id_is_billed_every_time_it_is_sent() {
        String runId = queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);

        report("runs", claim, "usage", "\"meter\":\"tokens.used\",\"quantity\":1543");
        report("runs", claim, "usage", "\"meter\":\"tokens.used\",\"quantity\":1543");

        assertThat(billed(runId)).containsExactly("RUN_CREATED 1", "TOKENS_USED 1543", "TOKENS_USED 1543");
    }

    @Test
    void an_org_with_work_in_progress_lets_another_orgs_first_run_go_ahead_of_its_own_next() {
        String otherOwner = api.tokenFor("worker-other-" + UUID.randomUUID() + "@example.com");
        String otherOrg = api.createOrg(otherOwner, "Late Inc");
        String first = queueRun(owner.orgId(), owner.token());
        String second = queueRun(owner.orgId(), owner.token());
        String third = queueRun(owner.orgId(), owner.token());
        String latecomer = queueRun(otherOrg, otherOwner);

        List<Object> claimed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claimed.add(claim("runs", LLM).getBody().get("id"));
        }

        assertThat(claimed).containsExactly(first, latecomer, second, third);
    }

    /** The same call made by {@code callers} threads released together; their answers. */
    private static List<ResponseEntity<Map<String, Object>>> atOnce(
            int callers, Callable<ResponseEntity<Map<String, Object>>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        for (Future<ResponseEntity<Map<String, Object>>> answer : calls) {
            answers.add(answer.get());
        }
        pool.shutdown();
        return answers;
    }

    @Test
    void two_workers_never_hold_the_same_run() throws Exception {
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(queueRun(owner.orgId(), owner.token()));
        }
        List<Object> claimedIds = new ArrayList<>();
        int empty = 0;
        for (ResponseEntity<Map<String, Object>> answer : atOnce(40, () -> claim("runs", LLM))) {
            if (answer.getStatusCode() == HttpStatus.OK) {
                claimedIds.add(answer.getBody().get("id"));
            } else {
                assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
                empty++;
            }
        }

        assertThat(claimedIds).hasSize(20).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
        assertThat(empty).isEqualTo(20);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type like '%.RunStarted' "
                                + "and convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ?",
                        Integer.class, owner.orgId()))
                .isEqualTo(20);
    }

    @Test
    void a_heartbeat_moves_the_lease_deadline_forward() throws InterruptedException {
        queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);
        Instant claimedUntil = Instant.parse((String) claim.getBody().get("leaseExpiresAt"));
        Thread.sleep(20);

        ResponseEntity<Map<String, Object>> heartbeat = report("runs", claim, "heartbeat", "");

        assertThat(heartbeat.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Instant.parse((String) heartbeat.getBody().get("leaseExpiresAt")))
                .isAfter(claimedUntil);
    }

    @Test
    void an_expired_lease_puts_the_run_back_and_the_next_claim_is_attempt_two() {
        String runId = queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> firstClaim = claim("runs", LLM);
        deadlinePasses(runId);

        ResponseEntity<Map<String, Object>> late = report("runs", firstClaim, "outputs", "\"content\":\"too late\"");
        int expired = leaseExpiry.expireDue();
        ResponseEntity<Map<String, Object>> afterRequeue = report("runs", firstClaim, "heartbeat", "");
        ResponseEntity<Map<String, Object>> secondClaim = claim("runs", LLM);

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody()).containsEntry("type", "https://runledger.io/problems/lease-expired");
        assertThat(expired).isEqualTo(1);
        assertThat(afterRequeue.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(afterRequeue.getBody()).containsEntry("type", "https://runledger.io/problems/lease-not-held");
        assertThat(secondClaim.getBody()).containsEntry("id", runId).containsEntry("attempt", 2);
        assertThat(secondClaim.getBody().get("leaseId"))
                .isNotEqualTo(firstClaim.getBody().get("leaseId"));
        assertThat(eventTypesOf(runId))
                .containsExactly("RunQueued", "UsageRecorded", "RunStarted", "RunRequeued", "RunStarted");
        assertThat(lastEventOf(runId, "RunStarted")).containsEntry("attempt", 2);
        assertThat(lastEventOf(runId, "RunRequeued")).containsEntry("actor", "system");
    }

    @Test
    void a_run_whose_lease_expires_on_its_last_attempt_fails_with_the_reason() {
        String runId = queueRun(owner.orgId(), owner.token());
        for (int attempt = 1; attempt <= 2; attempt++) {
            claim("runs", LLM);
            deadlinePasses(runId);
            leaseExpiry.expireDue();
        }

        assertThat(eventTypesOf(runId))
                .containsExactly("RunQueued", "UsageRecorded", "RunStarted", "RunRequeued", "RunStarted", "RunFailed");
        assertThat(storedEvents.ofType(RunFailed.class))
                .filteredOn(failed -> failed.runId().toString().equals(runId))
                .extracting(RunFailed::error)
                .containsExactly("Gave up: the lease of worker runs-worker-1 expired (attempt 2 of 2)");
        assertThat(claim("runs", LLM).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void reports_under_a_wrong_lease_or_for_an_unknown_run_change_nothing() {
        String runId = queueRun(owner.orgId(), owner.token());
        claim("runs", LLM);

        ResponseEntity<Map<String, Object>> wrongLease =
                reportUnder("runs", runId, UUID.randomUUID().toString(), "complete", "");
        ResponseEntity<Map<String, Object>> noLease =
                api.send(POST, "/v1/worker/runs/" + runId + "/complete", LLM, "{}");
        ResponseEntity<Map<String, Object>> unknown = reportUnder(
                "runs", UUID.randomUUID().toString(), UUID.randomUUID().toString(), "complete", "");
        ResponseEntity<Map<String, Object>> badId = api.send(POST, "/v1/worker/runs/not-a-uuid/complete", LLM, "{}");

        assertThat(wrongLease.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(wrongLease.getBody()).containsEntry("type", "https://runledger.io/problems/lease-not-held");
        assertThat(noLease.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(eventTypesOf(runId)).containsExactly("RunQueued", "UsageRecorded", "RunStarted");
    }

    @Test
    void a_lease_belongs_to_the_credential_that_claimed_it_and_another_credential_cannot_report_under_it() {
        String runId = queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);
        String leaseId = (String) claim.getBody().get("leaseId");

        List<ResponseEntity<Map<String, Object>>> foreign = List.of(
                reportAs(RENDER, "runs", runId, leaseId, "heartbeat", ""),
                reportAs(RENDER, "runs", runId, leaseId, "outputs", "\"content\":\"Not mine.\""),
                reportAs(RENDER, "runs", runId, leaseId, "usage", "\"meter\":\"tokens.used\",\"quantity\":5"),
                reportAs(RENDER, "runs", runId, leaseId, "complete", ""));

        assertThat(foreign).allSatisfy(refused -> {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/lease-not-held");
        });
        assertThat(eventTypesOf(runId)).containsExactly("RunQueued", "UsageRecorded", "RunStarted");

        assertThat(report("runs", claim, "outputs", "\"content\":\"Mine.\"").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(report("runs", claim, "complete", "").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> foreignRetry = reportAs(RENDER, "runs", runId, leaseId, "complete", "");
        assertThat(foreignRetry.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(report("runs", claim, "complete", "").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eventTypesOf(runId))
                .containsExactly(
                        "RunQueued", "UsageRecorded", "RunStarted", "OutputProduced", "RunSucceeded", "UsageRecorded");
    }

    @Test
    void token_usage_is_a_positive_whole_number_of_at_most_the_documented_maximum() {
        String runId = queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);

        for (String quantity : List.of("\"100\"", "1.5", "1e3", "true")) {
            ResponseEntity<Map<String, Object>> refused =
                    report("runs", claim, "usage", "\"meter\":\"tokens.used\",\"quantity\":" + quantity);
            assertThat(refused.getStatusCode()).as(quantity).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody())
                    .as(quantity)
                    .containsEntry("type", "https://runledger.io/problems/malformed-request")
                    .containsEntry("field", "quantity");
        }
        for (String quantity : List.of("0", "-5", String.valueOf(Long.MAX_VALUE), "100000001")) {
            ResponseEntity<Map<String, Object>> refused =
                    report("runs", claim, "usage", "\"meter\":\"tokens.used\",\"quantity\":" + quantity);
            assertThat(refused.getStatusCode()).as(quantity).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.getBody())
                    .as(quantity)
                    .containsEntry("type", "https://runledger.io/problems/invalid-command");
        }
        assertThat(eventTypesOf(runId)).containsExactly("RunQueued", "UsageRecorded", "RunStarted");

        assertThat(report("runs", claim, "usage", "\"meter\":\"tokens.used\",\"quantity\":100000000")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void an_output_too_big_to_send_inline_is_refused_and_one_sent_by_url_is_taken() {
        String runId = queueRun(owner.orgId(), owner.token());
        ResponseEntity<Map<String, Object>> claim = claim("runs", LLM);

        ResponseEntity<Map<String, Object>> inline =
                report("runs", claim, "outputs", "\"content\":\"" + "x".repeat(1025) + "\"");
        ResponseEntity<Map<String, Object>> byUrl =
                report("runs", claim, "outputs", "\"contentUrl\":\"https://objects.example.com/outputs/1.md\"");

        assertThat(inline.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(inline.getBody())
                .containsEntry("type", "https://runledger.io/problems/output-too-large")
                .containsEntry("allowed", 1024);
        assertThat(byUrl.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(eventTypesOf(runId)).containsExactly("RunQueued", "UsageRecorded", "RunStarted", "OutputProduced");
    }

    @Test
    void only_worker_credentials_open_the_worker_api_and_they_open_nothing_else() {
        queueRun(owner.orgId(), owner.token());

        assertThat(claim("runs", owner.token()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(claim("runs", "not-a-worker").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.send(POST, "/v1/worker/runs/claim", null, "{}").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.send(POST, "/v1/orgs/" + owner.orgId() + "/runs", LLM, SUMMARIZE, "k")
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String requestGeneration() {
        String projectId = (String) api.send(POST, "/v1/orgs/" + owner.orgId() + "/projects", owner.token(), """
                {"name":"Launch video","prompt":"neon city at night","audioPath":"audio/launch.mp3","audioDuration":184.5}
                """)
                .getBody()
                .get("id");
        ResponseEntity<Map<String, Object>> requested = api.send(
                POST,
                "/v1/orgs/" + owner.orgId() + "/projects/" + projectId + "/generations",
                owner.token(),
                "{}",
                UUID.randomUUID().toString());
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return (String) requested.getBody().get("id");
    }

    @Test
    void a_render_worker_takes_a_generation_through_analysis_plan_and_render_to_its_video() {
        String generationId = requestGeneration();

        ResponseEntity<Map<String, Object>> claim = claim("generations", RENDER);
        @SuppressWarnings("unchecked")
        Map<String, Object> project =
                (Map<String, Object>) ((Map<String, Object>) claim.getBody().get("task")).get("project");
        List<HttpStatus> steps = List.of(
                        report("generations", claim, "analysis", "\"audioAnalysis\":{\"bpm\":128}"),
                        report("generations", claim, "plan", "\"visualPlan\":{\"scenes\":12}"),
                        report("generations", claim, "render", ""),
                        report(
                                "generations",
                                claim,
                                "complete",
                                "\"videoUrl\":\"https://cdn.example.com/v.mp4\",\"renderTimeSeconds\":95"))
                .stream()
                .map(answer -> HttpStatus.valueOf(answer.getStatusCode().value()))
                .toList();

        assertThat(claim.getBody()).containsEntry("id", generationId).containsEntry("attempt", 1);
        assertThat(project).containsEntry("prompt", "neon city at night").containsEntry("resolution", "1080p");
        assertThat(steps).containsOnly(HttpStatus.NO_CONTENT);
        assertThat(eventTypesOf(generationId)).containsExactlyElementsOf(EventHistories.COMPLETED_GENERATION);
        assertThat(lastEventOf(generationId, "AudioAnalysisStarted")).containsEntry("actor", "worker:render");
        assertThat(billed(generationId))
                .containsExactly(
                        "GENERATIONS_COMPLETED 1", "RENDER_SECONDS " + RenderTime.billedSeconds(jdbc, generationId));
    }

    /** Meter and quantity of each usage the job recorded, in store order. */
    private List<String> billed(String jobId) {
        return jdbc.queryForList("""
                select p ->> 'meter' || ' ' || (p ->> 'quantity') from domain_event_entry
                cross join lateral (select convert_from(payload, 'UTF8')::jsonb as p) payload
                where aggregate_identifier = ? and payload_type like '%.UsageRecorded' order by sequence_number
                """, String.class, jobId);
    }

    @Test
    void a_generation_that_fails_bills_nothing() {
        String generationId = requestGeneration();
        ResponseEntity<Map<String, Object>> claim = claim("generations", RENDER);
        report("generations", claim, "analysis", "\"audioAnalysis\":{\"bpm\":128}");
        report("generations", claim, "plan", "\"visualPlan\":{\"scenes\":12}");
        report("generations", claim, "render", "");

        ResponseEntity<Map<String, Object>> failed =
                report("generations", claim, "fail", "\"errorMessage\":\"renderer crashed\"");

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eventTypesOf(generationId))
                .endsWith("RenderingStarted", "GenerationFailed")
                .doesNotContain("UsageRecorded");
    }

    @Test
    void an_expired_generation_lease_makes_the_generation_pending_again_for_another_worker() {
        String generationId = requestGeneration();
        ResponseEntity<Map<String, Object>> firstClaim = claim("generations", RENDER);
        report("generations", firstClaim, "analysis", "\"audioAnalysis\":{\"bpm\":128}");
        deadlinePasses(generationId);

        leaseExpiry.expireDue();
        ResponseEntity<Map<String, Object>> secondClaim = claim("generations", RENDER);

        assertThat(secondClaim.getBody()).containsEntry("id", generationId).containsEntry("attempt", 2);
        assertThat(eventTypesOf(generationId))
                .containsExactly(
                        "GenerationRequested",
                        "AudioAnalysisStarted",
                        "AudioAnalysisRecorded",
                        "GenerationRequeued",
                        "AudioAnalysisStarted");
    }
}
