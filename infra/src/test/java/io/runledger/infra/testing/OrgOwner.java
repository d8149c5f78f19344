package io.runledger.infra.testing;

import static org.springframework.http.HttpMethod.POST;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Someone signed in with an org of their own, where most API tests begin; {@code token} is their bearer token. */
public record OrgOwner(ApiClient api, String email, String token, String orgId) {

    /** Signs in {@code emailPrefix}-(a random id)@example.com, who creates the org {@code orgName}. */
    public static OrgOwner signUp(ApiClient api, String emailPrefix, String orgName) {
        String email = emailPrefix + "-" + UUID.randomUUID() + "@example.com";
        String token = api.tokenFor(email);
        return new OrgOwner(api, email, token, api.createOrg(token, orgName));
    }

    /** Signs {@code email} in and puts them on record (their first request creates an org of their own): their token. */
    public String someoneOnRecord(String email) {
        String token = api.tokenFor(email);
        api.createOrg(token, email + "'s own org");
        return token;
    }

    /** {@link #someoneOnRecord} made a member of the org with {@code role} by the owner: their token. */
    public String member(String email, String role) {
        String token = someoneOnRecord(email);
        ResponseEntity<Map<String, Object>> added =
                send(POST, "/members", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        if (added.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException(email + " not added as " + role + ": " + added);
        }
        return token;
    }

    /** The owner signed in again, with a new token (tokens expire by the service's clock). */
    public OrgOwner signedInAgain() {
        return new OrgOwner(api, email, api.tokenFor(email), orgId);
    }

    /** {@code method} on {@code /v1/orgs/{orgId}} followed by {@code pathInOrg}, as the owner; {@code json} null for none. */
    public ResponseEntity<Map<String, Object>> send(HttpMethod method, String pathInOrg, String json) {
        return api.send(method, "/v1/orgs/" + orgId + pathInOrg, token, json);
    }

    /** {@code POST /v1/orgs/{orgId}/runs} as the owner, with an {@code Idempotency-Key} unless it is null. */
    public ResponseEntity<Map<String, Object>> queueRun(String idempotencyKey, String json) {
        return queueRun(token, idempotencyKey, json);
    }

    /** {@code POST /v1/orgs/{orgId}/runs} as {@code as}, with an {@code Idempotency-Key} unless it is null. */
    public ResponseEntity<Map<String, Object>> queueRun(String as, String idempotencyKey, String json) {
        return api.send(POST, "/v1/orgs/" + orgId + "/runs", as, json, idempotencyKey);
    }

    /** The org's rows in {@code table}, a read model with an {@code org_id} column. */
    public int rowsIn(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where org_id = ?::uuid", Integer.class, orgId);
    }

    /** The org's {@code RunQueued} events in the store. */
    public int runsQueued(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type = 'io.runledger.domain.run.RunQueued'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ?
                """, Integer.class, orgId);
    }
}
