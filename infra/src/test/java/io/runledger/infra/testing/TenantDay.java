package io.runledger.infra.testing;

import static org.springframework.http.HttpMethod.POST;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A tenant's first day, lived through the HTTP API: an owner and a developer, a key, two runs (one
 * succeeds with an output and token usage, one fails), a project whose generation a render worker takes to
 * its video. Needs a context where no other test leaves jobs waiting, since its workers claim the next job.
 */
public record TenantDay(String orgId, String ownerToken, String succeededRun, String failedRun, String projectId,
                        String generationId) {

    public static final String WORKER = "test-worker-token";

    public static TenantDay live(ApiClient api, String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = api.tokenFor("owner-" + suffix + "@example.com");
        String developerEmail = "dev-" + suffix + "@example.com";
        String developer = api.tokenFor(developerEmail);
        String orgId = api.createOrg(owner, name);
        api.createOrg(developer, name + " (side project)");
        expect(HttpStatus.CREATED, api.send(POST, "/v1/orgs/" + orgId + "/members", owner,
                "{\"email\":\"" + developerEmail + "\",\"role\":\"developer\"}"));
        expect(HttpStatus.CREATED, api.send(POST, "/v1/orgs/" + orgId + "/api-keys", owner,
                "{\"name\":\"CI\",\"role\":\"developer\"}"));

        String succeeded = queueRun(api, orgId, developer, "summarize", "Event sourcing keeps every fact.");
        Map<String, Object> claim = claim(api, "runs");
        report(api, "runs", claim, "outputs", "\"content\":\"Every fact is kept.\",\"summary\":\"Facts\",\"keywords\":[\"events\",\"facts\"]");
        report(api, "runs", claim, "usage", "\"meter\":\"tokens.used\",\"quantity\":1543");
        report(api, "runs", claim, "complete", "");

        String failed = queueRun(api, orgId, owner, "extract_keywords", "A second text.");
        report(api, "runs", claim(api, "runs"), "fail", "\"error\":\"model overloaded\"");

        String projectId = (String) expect(HttpStatus.CREATED, api.send(POST, "/v1/orgs/" + orgId + "/projects", developer,
                "{\"name\":\"Launch video\",\"prompt\":\"neon city\",\"audioPath\":\"audio/launch.mp3\",\"audioDuration\":184.5}"))
                .get("id");
        String generationId = (String) expect(HttpStatus.ACCEPTED, api.send(POST,
                "/v1/orgs/" + orgId + "/projects/" + projectId + "/generations", developer, "{}", "gen-" + suffix)).get("id");
        Map<String, Object> render = claim(api, "generations");
        report(api, "generations", render, "analysis", "\"audioAnalysis\":{\"bpm\":128}");
        report(api, "generations", render, "plan", "\"visualPlan\":{\"scenes\":12}");
        report(api, "generations", render, "render", "");
        report(api, "generations", render, "complete", "\"videoUrl\":\"https://cdn.example.com/" + suffix
                + ".mp4\",\"fileSizeBytes\":48000000,\"renderTimeSeconds\":95,\"durationSeconds\":184.5");
        return new TenantDay(orgId, owner, succeeded, failed, projectId, generationId);
    }

    private static String queueRun(ApiClient api, String orgId, String token, String pattern, String input) {
        return (String) expect(HttpStatus.ACCEPTED, api.send(POST, "/v1/orgs/" + orgId + "/runs", token,
                "{\"pattern\":\"" + pattern + "\",\"inputSource\":\"text\",\"input\":\"" + input + "\"}",
                UUID.randomUUID().toString())).get("id");
    }

    private static Map<String, Object> claim(ApiClient api, String kind) {
        return expect(HttpStatus.OK, api.send(POST, "/v1/worker/" + kind + "/claim", WORKER, "{\"workerId\":\"w-1\"}"));
    }

    private static void report(ApiClient api, String kind, Map<String, Object> claim, String step, String fields) {
        String body = "{\"leaseId\":\"" + claim.get("leaseId") + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
        ResponseEntity<Map<String, Object>> answer = api.send(POST, "/v1/worker/" + kind + "/" + claim.get("id") + "/" + step,
                WORKER, body);
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
