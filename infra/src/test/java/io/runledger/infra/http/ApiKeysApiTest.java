package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.command.auth.Sha256;
import io.runledger.infra.testing.OrgOwner;
import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Tenant API keys: issued by admins, shown once, kept as digests, acting in one org with one role until revoked. */
@RunledgerIntegrationTest
class ApiKeysApiTest extends OrgOwnerApiTest {

    private static final String SUMMARIZE =
            "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Keys act for orgs.\"}";

    ApiKeysApiTest() {
        super("keys", "Keyed Inc");
    }

    private ResponseEntity<Map<String, Object>> issue(String token, String org, String role, String idempotencyKey) {
        return api.send(
                POST,
                "/v1/orgs/" + org + "/api-keys",
                token,
                "{\"name\":\"CI pipeline\",\"role\":\"" + role + "\"}",
                idempotencyKey);
    }

    private String issuedSecret(String role) {
        ResponseEntity<Map<String, Object>> issued = issue(owner.token(), owner.orgId(), role, null);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) issued.getBody().get("key");
    }

    private int storedTextsContaining(String secret) {
        return jdbc.queryForObject("""
                select (select count(*) from domain_event_entry
                        where strpos(convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8'), ?) > 0)
                     + (select count(*) from idempotency_keys where strpos(coalesce(response_body, ''), ?) > 0)
                     + (select count(*) from api_keys where strpos(key_digest || key_prefix || name, ?) > 0)
                """, Integer.class, secret, secret, secret);
    }

    @Test
    void an_admin_gets_the_secret_once_and_runledger_keeps_only_its_digest() {
        ResponseEntity<Map<String, Object>> issued = issue(owner.token(), owner.orgId(), "developer", "key-1");

        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String secret = (String) issued.getBody().get("key");
        assertThat(secret).startsWith("rlk_").hasSizeGreaterThan(40);
        assertThat(secret).startsWith((String) issued.getBody().get("prefix"));
        assertThat(issued.getHeaders().getLocation())
                .hasPath("/v1/orgs/" + owner.orgId() + "/api-keys/"
                        + issued.getBody().get("id"));
        assertThat(jdbc.queryForObject(
                        "select key_digest from api_keys where key_id = ?::uuid",
                        String.class,
                        issued.getBody().get("id")))
                .isEqualTo(Sha256.hex(secret));
        assertThat(storedTextsContaining(secret)).isZero();
    }

    @Test
    void a_retried_issue_answers_the_same_key_without_its_secret_and_issues_nothing_new() {
        ResponseEntity<Map<String, Object>> first = issue(owner.token(), owner.orgId(), "viewer", "key-2");
        ResponseEntity<Map<String, Object>> retry = issue(owner.token(), owner.orgId(), "viewer", "key-2");

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody())
                .containsEntry("id", first.getBody().get("id"))
                .containsEntry("key", null)
                .containsEntry("prefix", first.getBody().get("prefix"));
        assertThat(owner.rowsIn(jdbc, "api_keys")).isEqualTo(1);
    }

    @Test
    void a_developer_key_queues_runs_as_itself_on_behalf_of_its_issuer() {
        String secret = issuedSecret("developer");

        ResponseEntity<Map<String, Object>> queued = owner.queueRun(secret, "r-1", SUMMARIZE);

        assertThat(queued.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> event = jdbc.queryForMap("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' as actor,
                       convert_from(payload, 'UTF8')::jsonb ->> 'userId' as user_id
                from domain_event_entry where aggregate_identifier = ? and sequence_number = 0
                """, queued.getBody().get("id"));
        String keyId = jdbc.queryForObject(
                "select key_id::text from api_keys where org_id = ?::uuid", String.class, owner.orgId());
        String ownerId = jdbc.queryForObject(
                "select user_id::text from access_memberships where org_id = ?::uuid", String.class, owner.orgId());
        assertThat(event).containsEntry("actor", "apikey:" + keyId).containsEntry("user_id", ownerId);
    }

    @Test
    void a_viewer_key_cannot_queue_runs() {
        String secret = issuedSecret("viewer");

        ResponseEntity<Map<String, Object>> refused = owner.queueRun(secret, "r-2", SUMMARIZE);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_key_knows_no_other_org_and_does_nothing_only_people_do() {
        String secret = issuedSecret("admin");
        OrgOwner other = OrgOwner.signUp(api, "keys-other", "Other Inc");

        ResponseEntity<Map<String, Object>> elsewhere = other.queueRun(secret, "r-3", SUMMARIZE);
        ResponseEntity<Map<String, Object>> newOrg = api.send(POST, "/v1/orgs", secret, "{\"name\":\"Shadow\"}");
        ResponseEntity<Map<String, Object>> newKey = issue(secret, owner.orgId(), "viewer", null);

        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(newOrg.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(newOrg.getBody()).containsEntry("type", "https://runledger.io/problems/person-required");
        assertThat(newKey.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(owner.rowsIn(jdbc, "api_keys")).isEqualTo(1);
    }

    @Test
    void a_revoked_key_is_refused_from_the_next_request_on() {
        String secret = issuedSecret("developer");
        String keyId = jdbc.queryForObject(
                "select key_id::text from api_keys where org_id = ?::uuid", String.class, owner.orgId());

        ResponseEntity<Map<String, Object>> revoked = owner.send(DELETE, "/api-keys/" + keyId, null);
        ResponseEntity<Map<String, Object>> again = owner.send(DELETE, "/api-keys/" + keyId, null);
        ResponseEntity<Map<String, Object>> used = owner.queueRun(secret, "r-4", SUMMARIZE);

        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(used.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? "
                                + "and payload_type like '%.ApiKeyRevoked'",
                        Integer.class, keyId))
                .isEqualTo(1);
    }

    @Test
    void admins_list_their_keys_without_secrets() {
        issuedSecret("developer");
        issuedSecret("viewer");

        ResponseEntity<Map<String, Object>> listed = owner.send(GET, "/api-keys", null);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items =
                (List<Map<String, Object>>) listed.getBody().get("items");
        assertThat(items).extracting(item -> item.get("role")).containsExactly("developer", "viewer");
        assertThat(items)
                .allSatisfy(item -> assertThat(item).doesNotContainKey("key").containsEntry("revokedAt", null));
    }

    @Test
    void only_admins_issue_keys_and_never_owner_keys() {
        String developer = owner.member("keys-dev-" + UUID.randomUUID() + "@example.com", "developer");

        ResponseEntity<Map<String, Object>> byDeveloper = issue(developer, owner.orgId(), "viewer", null);
        ResponseEntity<Map<String, Object>> ownerKey = issue(owner.token(), owner.orgId(), "owner", null);

        assertThat(byDeveloper.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ownerKey.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(owner.rowsIn(jdbc, "api_keys")).isZero();
    }

    @Test
    void another_orgs_member_cannot_see_list_or_revoke_this_orgs_keys() {
        issuedSecret("developer");
        String keyId = jdbc.queryForObject(
                "select key_id::text from api_keys where org_id = ?::uuid", String.class, owner.orgId());
        String stranger = api.tokenFor("keys-stranger-" + UUID.randomUUID() + "@example.com");
        String strangersOrg = api.createOrg(stranger, "Stranger Inc");

        assertThat(api.send(DELETE, "/v1/orgs/" + strangersOrg + "/api-keys/" + keyId, stranger, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send(DELETE, "/v1/orgs/" + owner.orgId() + "/api-keys/" + keyId, stranger, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send(GET, "/v1/orgs/" + owner.orgId() + "/api-keys", stranger, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(issue(stranger, owner.orgId(), "viewer", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject(
                        "select revoked_at is null from api_keys where key_id = ?::uuid", Boolean.class, keyId))
                .isTrue();
    }
}
