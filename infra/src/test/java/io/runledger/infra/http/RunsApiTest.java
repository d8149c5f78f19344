package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@RunledgerIntegrationTest
class RunsApiTest extends OrgOwnerApiTest {

    private static final String SUMMARIZE_TEXT =
            "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Event sourcing keeps every fact.\"}";

    RunsApiTest() {
        super("runs", "Runs Inc");
    }

    private int inputsInOrg() {
        return owner.rowsIn(jdbc, "run_inputs");
    }

    @Test
    void a_developer_queues_a_run_by_pattern_name_and_gets_202_with_its_location() {
        ResponseEntity<Map<String, Object>> accepted = owner.queueRun(owner.token(), "run-1", SUMMARIZE_TEXT);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String runId = (String) accepted.getBody().get("id");
        assertThat(accepted.getBody()).containsEntry("status", "queued");
        assertThat(accepted.getHeaders().getLocation()).hasPath("/v1/orgs/" + owner.orgId() + "/runs/" + runId);
        Map<String, Object> queued = jdbc.queryForMap("""
                select p ->> 'inputSource' as input_source, (p ->> 'inputChars')::int as input_chars,
                       p ->> 'strategy' as strategy, p ->> 'idempotencyKey' as idempotency_key, p ->> 'requestId' as request_id
                from domain_event_entry cross join lateral (select convert_from(payload, 'UTF8')::jsonb as p) payload
                where aggregate_identifier = ? and sequence_number = 0
                """, runId);
        assertThat(queued)
                .containsEntry("input_source", "TEXT")
                .containsEntry("input_chars", 32)
                .containsEntry("strategy", "map-reduce")
                .containsEntry("idempotency_key", "run-1");
        assertThat(queued.get("request_id")).isNotNull();
        assertThat(jdbc.queryForObject("select content from run_inputs where run_id = ?::uuid", String.class, runId))
                .isEqualTo("Event sourcing keeps every fact.");
    }

    @Test
    void a_retried_run_request_is_queued_once() {
        ResponseEntity<Map<String, Object>> first = owner.queueRun(owner.token(), "run-2", SUMMARIZE_TEXT);
        ResponseEntity<Map<String, Object>> retry = owner.queueRun(owner.token(), "run-2", SUMMARIZE_TEXT);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(owner.runsQueued(jdbc)).isEqualTo(1);
    }

    @Test
    void a_run_key_stays_unique_even_if_its_idempotency_record_is_lost() {
        owner.queueRun(owner.token(), "run-3", SUMMARIZE_TEXT);
        jdbc.update("delete from idempotency_keys where idempotency_key = 'run-3'");

        ResponseEntity<Map<String, Object>> again = owner.queueRun(owner.token(), "run-3", SUMMARIZE_TEXT);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("type", "https://runledger.io/problems/already-exists");
        assertThat(owner.runsQueued(jdbc)).isEqualTo(1);
        assertThat(inputsInOrg()).isEqualTo(1);
    }

    @Test
    void an_unknown_pattern_is_a_422_and_queues_nothing() {
        ResponseEntity<Map<String, Object>> refused = owner.queueRun(
                owner.token(), null, "{\"pattern\":\"write_my_thesis\",\"inputSource\":\"text\",\"input\":\"x\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/unknown-pattern");
        assertThat(owner.runsQueued(jdbc)).isZero();
        assertThat(inputsInOrg()).isZero();
    }

    @Test
    void an_unknown_input_source_is_a_400_and_a_missing_input_a_422() {
        assertThat(owner.queueRun(
                                owner.token(),
                                null,
                                "{\"pattern\":\"summarize\",\"inputSource\":\"fax\",\"input\":\"x\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(owner.queueRun(owner.token(), null, "{\"pattern\":\"summarize\",\"inputSource\":\"text\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(owner.runsQueued(jdbc)).isZero();
    }

    @Test
    void viewers_and_outsiders_cannot_queue_runs() {
        String outsider = api.tokenFor("outsider-" + UUID.randomUUID() + "@example.com");
        api.createOrg(outsider, "Elsewhere");
        String viewerEmail = "viewer-" + UUID.randomUUID() + "@example.com";
        String viewer = api.tokenFor(viewerEmail);
        api.createOrg(viewer, "Viewer's own");
        owner.send(HttpMethod.POST, "/members", "{\"email\":\"" + viewerEmail + "\",\"role\":\"viewer\"}");

        assertThat(owner.queueRun(outsider, null, SUMMARIZE_TEXT).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(owner.queueRun(viewer, null, SUMMARIZE_TEXT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(owner.runsQueued(jdbc)).isZero();
    }
}
