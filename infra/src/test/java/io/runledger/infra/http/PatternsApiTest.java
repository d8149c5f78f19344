package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.OrgOwner;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The pattern catalog: everyone reads it, platform admins write it, runs use its active patterns. */
@ReadModelIntegrationTest
class PatternsApiTest extends ApiTest {

    private String admin;
    private OrgOwner tenant;

    @BeforeAll
    void an_operator_and_a_tenant() {
        admin = api.tokenFor(ReadModelIntegrationTest.PLATFORM_ADMIN);
        tenant = OrgOwner.signUp(api, "catalog-user", "Catalog Users");
    }

    private ResponseEntity<Map<String, Object>> register(String token, String name, String key) {
        return api.send(
                POST,
                "/v1/patterns",
                token,
                "{\"name\":\"" + name
                        + "\",\"description\":\"Tweets from a talk\",\"category\":\"writing\",\"defaultStrategy\":\"single-pass\"}",
                key);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> catalog(String query) {
        return (List<Map<String, Object>>) api.send(GET, "/v1/patterns" + query, tenant.token(), null)
                .getBody()
                .get("items");
    }

    private long patternEvents() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like 'io.runledger.domain.pattern.%'",
                Long.class);
    }

    private ResponseEntity<Map<String, Object>> queueRun(String pattern) {
        return tenant.queueRun(
                UUID.randomUUID().toString(),
                "{\"pattern\":\"" + pattern + "\",\"inputSource\":\"text\",\"input\":\"A talk.\"}");
    }

    @Test
    void everyone_signed_in_reads_the_starter_catalog() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(catalog("?active=true"))
                .extracting(pattern -> pattern.get("name"))
                .contains("summarize", "extract_wisdom", "extract_keywords", "create_outline", "analyze_claims"));
    }

    @Test
    void an_admin_registers_a_pattern_once_per_key_and_it_is_listed() {
        String name = "write_tweets_" + UUID.randomUUID().toString().substring(0, 6);
        ResponseEntity<Map<String, Object>> created = register(admin, name, "pattern-" + name);
        ResponseEntity<Map<String, Object>> retried = register(admin, name, "pattern-" + name);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation())
                .hasPath("/v1/patterns/" + created.getBody().get("id"));
        assertThat(retried.getBody()).isEqualTo(created.getBody());
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        created.getBody().get("id")))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(catalog(""))
                .filteredOn(pattern -> pattern.get("name").equals(name))
                .singleElement()
                .satisfies(pattern ->
                        assertThat(pattern).containsEntry("category", "writing").containsEntry("active", true)));
    }

    @Test
    void a_deactivated_pattern_takes_no_new_runs_until_it_is_back() {
        String name = "summarize_legal_" + UUID.randomUUID().toString().substring(0, 6);
        String id = (String) register(admin, name, null).getBody().get("id");

        ResponseEntity<Map<String, Object>> off = api.send(PATCH, "/v1/patterns/" + id, admin, "{\"active\":false}");
        ResponseEntity<Map<String, Object>> refused = queueRun(name);
        ResponseEntity<Map<String, Object>> on = api.send(
                PATCH, "/v1/patterns/" + id, admin, "{\"active\":true,\"description\":\"Contracts in plain words\"}");
        ResponseEntity<Map<String, Object>> accepted = queueRun(name);
        // this context's tests leave no job waiting
        Map<String, Object> claim =
                api.send(POST, "/v1/worker/runs/claim", TenantDay.WORKER, "{}").getBody();
        api.send(
                POST,
                "/v1/worker/runs/" + claim.get("id") + "/fail",
                TenantDay.WORKER,
                "{\"leaseId\":\"" + claim.get("leaseId") + "\",\"error\":\"test over\"}");

        assertThat(off.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/unknown-pattern");
        assertThat(on.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(claim).containsEntry("id", accepted.getBody().get("id"));
    }

    @Test
    void a_change_with_a_refused_part_changes_nothing() {
        String name = "outline_" + UUID.randomUUID().toString().substring(0, 6);
        String id = (String) register(admin, name, null).getBody().get("id");
        long before = patternEvents();

        ResponseEntity<Map<String, Object>> clash =
                api.send(PATCH, "/v1/patterns/" + id, admin, "{\"name\":\"summarize\",\"active\":false}");

        assertThat(clash.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(clash.getBody()).containsEntry("type", "https://runledger.io/problems/pattern-name-taken");
        assertThat(patternEvents()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select active from catalog_patterns where pattern_id = ?::uuid", Boolean.class, id))
                .isTrue();
    }

    @Test
    void only_platform_admins_write_the_catalog() {
        long before = patternEvents();

        ResponseEntity<Map<String, Object>> byTenant = register(tenant.token(), "my_own_pattern", null);
        ResponseEntity<Map<String, Object>> editByTenant = api.send(
                PATCH,
                "/v1/patterns/" + UUID.nameUUIDFromBytes("pattern:summarize".getBytes()),
                tenant.token(),
                "{\"active\":false}");
        ResponseEntity<Map<String, Object>> unknown =
                api.send(PATCH, "/v1/patterns/" + UUID.randomUUID(), admin, "{\"active\":false}");
        ResponseEntity<Map<String, Object>> duplicate = register(admin, "summarize", null);

        assertThat(byTenant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byTenant.getBody()).containsEntry("type", "https://runledger.io/problems/platform-admin-required");
        assertThat(editByTenant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(patternEvents()).isEqualTo(before);
    }
}
