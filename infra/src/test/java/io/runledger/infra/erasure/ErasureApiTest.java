package io.runledger.infra.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.runledger.domain.shared.Platform;
import io.runledger.infra.audit.OfflineAuditVerifier;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.TenantDay;
import io.runledger.projections.audit.AuditVerification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Erasure end to end on PostgreSQL: once a person (or an org) is erased, no table of the database holds their
 * personal data in plain text, not even the event store, and a full replay of the read models brings none back.
 */
@RunledgerIntegrationTest
@TestPropertySource(properties = "runledger.platform-admins=" + ErasureApiTest.OPERATOR)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings("unchecked")
class ErasureApiTest extends ApiTest {

    static final String OPERATOR = "erasure-ops@example.com";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADA_EMAIL = "ada-" + SUFFIX + "@example.com";
    private static final String ADA_NAME = "Ada Lovelace " + SUFFIX;
    private static final String GRACE_EMAIL = "grace-" + SUFFIX + "@example.com";
    private static final String GRACE_NAME = "Grace Hopper " + SUFFIX;
    /** Invited by the offboarded tenant, never signs up: their address goes with the org. */
    private static final String NEVER_SIGNED_UP = "never-" + SUFFIX + "@example.com";
    /**
     * The texts of the offboarded tenant's day (TenantDay): run input, output, project name and prompt, run error;
     * and an address it invited.
     */
    private static final List<String> TENANT_TEXTS = List.of(
            "Event sourcing keeps every fact.",
            "A second text.",
            "Every fact is kept.",
            "Launch video",
            "neon city",
            "model overloaded",
            "audio/launch.mp3",
            NEVER_SIGNED_UP);

    @Autowired
    AuditVerification verification;

    private String operator;
    private String ada;
    private String grace;
    private String adaId;
    private String adasOrg;
    private String gracesOrg;
    private TenantDay offboarded;

    @BeforeAll
    void people_and_a_tenant() {
        operator = api.tokenFor(OPERATOR);
        offboarded = TenantDay.live(api, "Offboarded").projectedIn(jdbc);
        // Ada is invited before she signs up (and joins as a viewer when she does), someone else never signs up
        for (String invited : List.of(ADA_EMAIL, NEVER_SIGNED_UP)) {
            assertThat(api.send(
                                    POST,
                                    "/v1/orgs/" + offboarded.orgId() + "/invitations",
                                    offboarded.ownerToken(),
                                    "{\"email\":\"" + invited + "\",\"role\":\"viewer\"}")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        ada = token(ADA_EMAIL, ADA_NAME);
        grace = token(GRACE_EMAIL, GRACE_NAME);
        adaId = userId(ADA_EMAIL);
        adasOrg = api.createOrg(ada, "Analytical Engines");
        gracesOrg = api.createOrg(grace, "Compilers");
        assertThat(api.send(
                                POST,
                                "/v1/orgs/" + gracesOrg + "/members",
                                grace,
                                "{\"email\":\"" + ADA_EMAIL + "\",\"role\":\"developer\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !tablesHolding(ADA_NAME).isEmpty()
                        && jdbc.queryForObject("select count(*) from users where email = ?", Long.class, GRACE_EMAIL)
                                == 1
                        && jdbc.queryForObject(
                                        "select count(*) from invitations where email = ? and status = 'accepted'",
                                        Long.class,
                                        ADA_EMAIL)
                                == 1
                        && jdbc.queryForObject(
                                        "select count(*) from invitations where email = ?", Long.class, NEVER_SIGNED_UP)
                                == 1);
    }

    @Test
    @Order(0)
    void an_access_request_returns_what_is_held_about_the_caller_and_nothing_of_others() {
        ResponseEntity<Map<String, Object>> answer = api.send(GET, "/v1/users/me/export", grace, null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> export = answer.getBody();
        assertThat(export).containsEntry("userId", userId(GRACE_EMAIL));
        assertThat((Map<String, Object>) export.get("user"))
                .containsEntry("email", GRACE_EMAIL)
                .containsEntry("name", GRACE_NAME);
        assertThat((List<Map<String, Object>>) export.get("identities"))
                .singleElement()
                .satisfies(identity -> assertThat(identity).containsEntry("provider", "github"));
        assertThat((List<Map<String, Object>>) export.get("orgs"))
                .singleElement()
                .satisfies(org -> {
                    assertThat(org).containsEntry("orgId", gracesOrg);
                    assertThat((List<Map<String, Object>>) org.get("membership"))
                            .singleElement()
                            .satisfies(membership -> assertThat(membership).containsEntry("role", "owner"));
                    assertThat((List<Map<String, Object>>) org.get("log"))
                            .extracting(entry -> entry.get("action_type"))
                            .contains("org_created", "member_added");
                });
        assertThat((List<Map<String, Object>>) export.get("platformLog"))
                .extracting(entry -> entry.get("action_type"))
                .contains("user_registered");
        assertThat(export.toString()).doesNotContain(ADA_EMAIL).doesNotContain(ADA_NAME);
    }

    @Test
    @Order(1)
    void the_last_owner_of_an_org_cannot_erase_themselves_and_nothing_changes() {
        ResponseEntity<Map<String, Object>> refused = api.send(DELETE, "/v1/users/me", ada, null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody())
                .containsEntry("type", "https://runledger.io/problems/last-owner-of-org")
                .containsEntry("orgIds", List.of(adasOrg));
        assertThat(api.send(GET, "/v1/orgs", ada, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from subject_keys where erased_at is not null", Long.class))
                .isZero();
    }

    @Test
    @Order(2)
    void only_platform_admins_erase_others_and_only_with_a_reason() {
        ResponseEntity<Map<String, Object>> byTenant =
                api.send(POST, "/v1/admin/users/" + adaId + "/erase", grace, "{\"reason\":\"I dislike Ada\"}");
        ResponseEntity<Map<String, Object>> noReason =
                api.send(POST, "/v1/admin/users/" + adaId + "/erase", operator, "{}");
        ResponseEntity<Map<String, Object>> unknown = api.send(
                POST, "/v1/admin/users/" + UUID.randomUUID() + "/erase", operator, "{\"reason\":\"ticket 1\"}");
        ResponseEntity<Map<String, Object>> orgByTenant = api.send(
                POST,
                "/v1/admin/orgs/" + offboarded.orgId() + "/erase",
                offboarded.ownerToken(),
                "{\"reason\":\"leaving\"}");

        assertThat(byTenant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noReason.getBody()).containsEntry("type", "https://runledger.io/problems/reason-required");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(orgByTenant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from subject_keys where erased_at is not null", Long.class))
                .isZero();
    }

    @Test
    @Order(3)
    void an_erased_person_is_nowhere_in_the_database_and_their_token_is_refused() {
        // another owner, so Ada may go; she is also a developer in Grace's org
        assertThat(api.send(
                                POST,
                                "/v1/orgs/" + adasOrg + "/members",
                                ada,
                                "{\"email\":\"" + GRACE_EMAIL + "\",\"role\":\"owner\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map<String, Object>> erased = api.send(DELETE, "/v1/users/me", ada, null);

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(tablesHolding(ADA_EMAIL)).isEmpty();
            assertThat(tablesHolding(ADA_NAME)).isEmpty();
        });
        assertThat(jdbc.queryForList("select email from users where id = ?::uuid", String.class, adaId))
                .containsExactly("erased user " + adaId);
        assertThat(jdbc.queryForObject(
                        "select count(*) from org_memberships where user_id = ?::uuid", Long.class, adaId))
                .isZero();
        assertThat(jdbc.queryForList("select email from invitations where user_id = ?::uuid", String.class, adaId))
                .singleElement()
                .satisfies(email -> assertThat(email).startsWith("erased invitation "));

        ResponseEntity<Map<String, Object>> refused = api.send(GET, "/v1/orgs", ada, null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/user-erased");

        // another person's data is untouched (sealed in the event store, plain where it is read), and the org Ada
        // left keeps its content
        assertThat(tablesHolding(GRACE_EMAIL)).contains("users", "access_users").doesNotContain("domain_event_entry");
        assertThat(jdbc.queryForList("select name from users where email = ?", String.class, GRACE_EMAIL))
                .containsExactly(GRACE_NAME);
        assertThat(jdbc.queryForList("select name from orgs where id = ?::uuid", String.class, adasOrg))
                .containsExactly("Analytical Engines");
        assertThat(api.send(GET, "/v1/orgs", grace, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @Order(4)
    void erasing_a_person_again_is_answered_alike_and_recorded_once() {
        ResponseEntity<Map<String, Object>> again = api.send(
                POST,
                "/v1/admin/users/" + adaId + "/erase",
                operator,
                "{\"reason\":\"GDPR request 2026-114, confirmed\"}");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("userId", adaId).containsEntry("erased", true);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type = ?",
                        Long.class,
                        "io.runledger.domain.user.UserErased"))
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void an_erased_org_keeps_its_usage_but_none_of_its_texts() throws Exception {
        long usage = jdbc.queryForObject(
                "select count(*) from usage_events where org_id = ?::uuid", Long.class, offboarded.orgId());
        String quantities = jdbc.queryForObject(
                "select sum(quantity)::text from usage_events where org_id = ?::uuid",
                String.class,
                offboarded.orgId());
        assertThat(TENANT_TEXTS)
                .allSatisfy(text -> assertThat(tablesHolding(text)).as(text).isNotEmpty());

        // two operators at once: both are answered alike, the erasure is recorded once
        ExecutorService operators = Executors.newFixedThreadPool(2);
        List<Future<ResponseEntity<Map<String, Object>>>> answers = operators.invokeAll(List.of(
                () -> api.send(
                        POST,
                        "/v1/admin/orgs/" + offboarded.orgId() + "/erase",
                        operator,
                        "{\"reason\":\"contract ended, ticket 77\"}"),
                () -> api.send(
                        POST,
                        "/v1/admin/orgs/" + offboarded.orgId() + "/erase",
                        operator,
                        "{\"reason\":\"contract ended, ticket 77\"}")));
        operators.shutdown();

        for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
            assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type = ?",
                        Long.class,
                        "io.runledger.domain.org.OrgErased"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TENANT_TEXTS)
                .allSatisfy(text -> assertThat(tablesHolding(text)).as(text).isEmpty()));
        assertThat(jdbc.queryForObject(
                        "select count(*) from usage_events where org_id = ?::uuid", Long.class, offboarded.orgId()))
                .isEqualTo(usage);
        assertThat(jdbc.queryForObject(
                        "select sum(quantity)::text from usage_events where org_id = ?::uuid",
                        String.class,
                        offboarded.orgId()))
                .isEqualTo(quantities);
        assertThat(jdbc.queryForList(
                        "select content from outputs where org_id = ?::uuid", String.class, offboarded.orgId()))
                .containsExactly("erased org " + offboarded.orgId());
        assertThat(api.send(GET, "/v1/orgs", grace, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForList("select name from orgs where id = ?::uuid", String.class, adasOrg))
                .containsExactly("Analytical Engines");
    }

    @Test
    @Order(6)
    void a_full_replay_of_the_read_models_shows_the_placeholders_and_brings_nothing_back() {
        Map<String, List<String>> before = readModels();

        for (String name : List.of("read-orgs", "read-users", "read-runs", "read-projects", "read-system-logs")) {
            assertThat(api.send(POST, "/v1/admin/projections/" + name + "/replay", operator, null)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(readModels()).isEqualTo(before));

        assertThat(jdbc.queryForList("select email || '|' || name from users where id = ?::uuid", String.class, adaId))
                .containsExactly("erased user " + adaId + "|erased user " + adaId);
        assertThat(jdbc.queryForList(
                        "select message from system_logs where action_type = 'user_registered' "
                                + "and user_id = ?::uuid",
                        String.class,
                        adaId))
                .containsExactly("User erased user " + adaId + " registered");
        assertThat(jdbc.queryForList(
                        "select prompt from projects where organization_id = ?::uuid",
                        String.class,
                        offboarded.orgId()))
                .containsExactly("erased org " + offboarded.orgId());
        List<String> everything = new ArrayList<>(TENANT_TEXTS);
        everything.addAll(List.of(ADA_EMAIL, ADA_NAME));
        assertThat(everything)
                .allSatisfy(text -> assertThat(tablesHolding(text)).as(text).isEmpty());
        assertThat(jdbc.queryForList("select name from users where email = ?", String.class, GRACE_EMAIL))
                .containsExactly(GRACE_NAME);
    }

    @Test
    @Order(7)
    void after_the_erasures_every_audit_chain_still_verifies_in_the_service_and_offline() throws Exception {
        String placeholder = "erased user " + adaId;
        String base = "/v1/orgs/" + adasOrg;
        ResponseEntity<Map<String, Object>> signed = api.send(POST, base + "/audit/digests", grace, null);
        assertThat(signed.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);

        assertThat(api.send(POST, base + "/audit/verify", grace, null).getBody())
                .containsEntry("valid", true)
                .containsEntry("firstMismatch", null);
        for (UUID chain : List.of(Platform.ORG_ID, UUID.fromString(offboarded.orgId()))) {
            assertThat(verification.verify(chain, null, null).valid())
                    .as("the chain of %s", chain)
                    .isTrue();
        }

        // what Ada did shows her id and the placeholder where her email and address were, in the API and the export
        List<Map<String, Object>> created =
                (List<Map<String, Object>>) api.send(GET, base + "/audit-events?action=org.created", grace, null)
                        .getBody()
                        .get("items");
        assertThat(created).singleElement().satisfies(item -> {
            assertThat((Map<String, Object>) item.get("actor"))
                    .containsEntry("id", adaId)
                    .containsEntry("kind", "user")
                    .containsEntry("email", placeholder);
            assertThat(item).containsEntry("clientAddress", placeholder).containsEntry("userAgent", placeholder);
            assertThat(item.get("data").toString()).contains("Analytical Engines");
        });
        Path auditor = Files.createTempDirectory("erased-audit");
        Path digests = Files.writeString(auditor.resolve("digests.json"), text(base + "/audit/digests", grace));
        Path export = Files.writeString(auditor.resolve("export.ndjson"), text(base + "/audit-events/export", grace));
        Path key = Files.writeString(auditor.resolve("key.json"), text("/v1/audit/public-key", null));
        assertThat(Files.readString(export))
                .contains(placeholder)
                .doesNotContain(ADA_EMAIL)
                .doesNotContain(ADA_NAME);

        OfflineAuditVerifier.Outcome offline = OfflineAuditVerifier.verify(export, digests, key);
        assertThat(offline.valid()).as("offline: %s", offline).isTrue();
        assertThat(offline.checked()).isEqualTo(Files.readAllLines(export).size());
    }

    private String text(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        ResponseEntity<String> answer = http.exchange(path, GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** The rows of the read models a replay rebuilds, as text, per table (a difference names its rows). */
    private Map<String, List<String>> readModels() {
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (String table : List.of(
                "orgs",
                "org_memberships",
                "users",
                "auth_identities",
                "runs",
                "outputs",
                "projects",
                "generations",
                "invitations",
                "system_logs")) {
            rows.put(table, jdbc.queryForList("select t::text from " + table + " t order by t::text", String.class));
        }
        return rows;
    }

    /**
     * Every table of the database whose rows hold {@code text}, whatever the column: each value cast to text, binary
     * columns (the event store's payloads and metadata, dead letters, tokens) read as UTF-8.
     */
    private List<String> tablesHolding(String text) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select c.table_schema, c.table_name, c.column_name, c.data_type
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
                order by c.table_name, c.ordinal_position
                """);
        List<String> holding = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = column.get("table_schema") + ".\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            boolean binary = "bytea".equals(column.get("data_type"));
            String value = binary ? "convert_from(" + name + ", 'UTF8')" : name + "::text";
            if (holds(table, value, text) || (binary && holds(table, "encode(" + name + ", 'escape')", text))) {
                if (!holding.contains((String) column.get("table_name"))) {
                    holding.add((String) column.get("table_name"));
                }
            }
        }
        return holding;
    }

    /** Bytes that are not UTF-8 (a serialized Java token) cannot be converted: those are searched byte for byte. */
    private boolean holds(String table, String value, String text) {
        try {
            return jdbc.queryForObject(
                    "select exists (select 1 from " + table + " where strpos(lower(" + value + "), lower(?)) > 0)",
                    Boolean.class,
                    text);
        } catch (DataAccessException notUtf8) {
            return false;
        }
    }

    private String token(String email, String name) {
        @SuppressWarnings("rawtypes")
        ResponseEntity<Map> minted = http.postForEntity(
                "/dev/tokens", Map.of("email", email, "name", name, "provider", "github"), Map.class);
        String token = (String) minted.getBody().get("accessToken");
        api.send(GET, "/v1/orgs", token, null); // signs them in: registered on their first request
        return token;
    }

    private String userId(String email) {
        return jdbc.queryForObject("select user_id::text from access_users where email = ?", String.class, email);
    }
}
