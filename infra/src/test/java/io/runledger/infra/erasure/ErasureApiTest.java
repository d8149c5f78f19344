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
import org.junit.jupiter.api.AfterAll;
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

    /** The read models' tables that hold personal data or a tenant's texts. */
    private static final List<String> READ_MODEL_TABLES = List.of(
            "orgs",
            "org_memberships",
            "users",
            "auth_identities",
            "runs",
            "outputs",
            "projects",
            "generations",
            "invitations",
            "system_logs");

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
        // Ada is invited before she signs up (and joins as a viewer when she does), someone else never signs up;
        // each invitation's answer, quoting the address, is kept in the org's idempotency records
        for (String invited : List.of(ADA_EMAIL, NEVER_SIGNED_UP)) {
            assertThat(api.send(
                                    POST,
                                    "/v1/orgs/" + offboarded.orgId() + "/invitations",
                                    offboarded.ownerToken(),
                                    "{\"email\":\"" + invited + "\",\"role\":\"viewer\"}",
                                    "invite-" + invited)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        ada = token(ADA_EMAIL, ADA_NAME);
        grace = token(GRACE_EMAIL, GRACE_NAME);
        adaId = userId(ADA_EMAIL);
        // the system log refuses Ada's org as a read model refuses a duplicate (PostgreSQL's detail quoting the
        // row, her address in it): her org's events wait in the dead-letter queue until she is erased
        jdbc.execute("""
                create or replace function erasure_test_refuse_log() returns trigger language plpgsql as $$
                begin
                    if new.message = 'Org "Analytical Engines" created' then
                        raise exception using errcode = 'unique_violation',
                            message = 'duplicate key value violates unique constraint "system_logs_erasure_test_key"',
                            detail = 'Key (details)=(' || (new.details -> 'metadata')::text || ') already exists.';
                    end if;
                    return new;
                end $$
                """);
        jdbc.execute("create trigger erasure_test_refuse_log before insert on system_logs for each row "
                + "execute function erasure_test_refuse_log()");
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
                                == 1
                        && jdbc.queryForObject(
                                        "select count(*) from org_memberships where org_id = ?::uuid and role = 'owner'",
                                        Long.class,
                                        gracesOrg)
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
        // what she did, from the event store: her sign-up in the platform's chain, her org's founding in its own
        Map<String, List<Map<String, Object>>> trail = auditTrailOf(export);
        assertThat(trail).containsOnlyKeys(Platform.ORG_ID.toString(), gracesOrg);
        assertThat(trail.get(Platform.ORG_ID.toString()))
                .extracting(event -> event.get("action"))
                .contains("user.registered");
        assertThat(trail.get(gracesOrg))
                .extracting(event -> event.get("action"))
                .contains("org.created", "org.member_added");
        assertThat(trail.values().stream().flatMap(List::stream))
                .allSatisfy(event -> assertThat((Map<String, Object>) event.get("actor"))
                        .containsEntry("id", userId(GRACE_EMAIL))
                        .containsEntry("kind", "user")
                        .containsEntry("email", GRACE_EMAIL));
        assertThat(eventIds(trail.get(gracesOrg))).isEqualTo(auditEventIdsOf(gracesOrg, grace, userId(GRACE_EMAIL)));
        assertThat(export.toString()).doesNotContain(ADA_EMAIL).doesNotContain(ADA_NAME);
    }

    @Test
    @Order(1)
    void an_api_key_neither_exports_nor_erases_a_person() {
        ResponseEntity<Map<String, Object>> issued =
                api.send(POST, "/v1/orgs/" + gracesOrg + "/api-keys", grace, "{\"name\":\"ci\",\"role\":\"admin\"}");
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String key = (String) issued.getBody().get("key");

        for (ResponseEntity<Map<String, Object>> refused :
                List.of(api.send(GET, "/v1/users/me/export", key, null), api.send(DELETE, "/v1/users/me", key, null))) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/person-required");
        }
        assertThat(api.send(GET, "/v1/orgs", grace, null).getStatusCode()).isEqualTo(HttpStatus.OK);
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

        assertThat(tablesHolding(ADA_EMAIL))
                .as("where Ada's address is held in plain text before her erasure")
                .contains("users", "access_users", "invitations", "access_invitations", "idempotency_keys");
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedEventsOf(adasOrg) > 0);

        ResponseEntity<Map<String, Object>> erased = api.send(DELETE, "/v1/users/me", ada, null);

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(tablesHolding(ADA_EMAIL)).isEmpty();
            assertThat(tablesHolding(ADA_NAME)).isEmpty();
        });
        assertThat(parkedEventsOf(adasOrg)).as("her org's events still parked").isPositive();
        assertThat(jdbc.queryForList(
                        "select cause_message from dead_letter_entry where cause_message is not null", String.class))
                .isNotEmpty()
                .allSatisfy(cause -> assertThat(cause).contains("duplicate key value"));
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

        // her org's parked events, retried once the cause is gone, are written with the placeholder
        jdbc.execute("drop trigger erasure_test_refuse_log on system_logs");
        ResponseEntity<Map<String, Object>> retried = api.send(
                POST, "/v1/admin/projections/read-system-logs/dead-letters/retry?orgId=" + adasOrg, operator, null);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody()).containsEntry("stillParked", 0);
        assertThat(parkedEventsOf(adasOrg)).isZero();
        assertThat(jdbc.queryForList(
                        "select details #>> '{metadata,actorEmail}' from system_logs where organization_id = ?::uuid "
                                + "and message = 'Org \"Analytical Engines\" created'",
                        String.class,
                        adasOrg))
                .containsExactly("erased user " + adaId);
        assertThat(tablesHolding(ADA_EMAIL)).isEmpty();
        assertThat(tablesHolding(ADA_NAME)).isEmpty();
    }

    /** Events of the org waiting in a dead-letter queue. */
    private long parkedEventsOf(String orgId) {
        return jdbc.queryForObject(
                "select count(*) from dead_letter_entry where event_identifier in "
                        + "(select event_id from audit_events where org_id = ?::uuid)",
                Long.class,
                orgId);
    }

    @AfterAll
    void dropTheRefusal() {
        jdbc.execute("drop trigger if exists erasure_test_refuse_log on system_logs");
        jdbc.execute("drop function if exists erasure_test_refuse_log()");
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
        Map<String, Long> tablesBefore = tableIds();
        List<String> projections = projections().stream()
                .map(projection -> (String) projection.get("name"))
                .toList();
        assertThat(projections).contains("read-orgs", "read-users", "read-runs", "read-projects", "read-system-logs");

        for (String name : projections) {
            assertThat(api.send(POST, "/v1/admin/projections/" + name + "/replay", operator, null)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
        }
        // a rebuild swaps new tables in: each read model's table is another one once it is done
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(projections())
                    .allSatisfy(projection ->
                            assertThat(projection).containsEntry("lagEvents", 0).containsEntry("replaying", false));
            Map<String, Long> tablesAfter = tableIds();
            assertThat(tablesAfter.keySet()).allSatisfy(table -> assertThat(tablesAfter.get(table))
                    .as("%s rebuilt", table)
                    .isNotEqualTo(tablesBefore.get(table)));
        });
        assertThat(readModels()).isEqualTo(before);

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

    @Test
    @Order(8)
    void an_access_request_holds_the_callers_own_audit_entries_of_every_org_they_were_in_with_what_was_erased_hidden() {
        // Lin acts in Grace's org, and is then removed from it
        String linEmail = "lin-" + SUFFIX + "@example.com";
        String lin = token(linEmail, "Lin " + SUFFIX);
        String linId = userId(linEmail);
        assertThat(api.send(
                                POST,
                                "/v1/orgs/" + gracesOrg + "/members",
                                grace,
                                "{\"email\":\"" + linEmail + "\",\"role\":\"admin\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(api.send(
                                POST,
                                "/v1/orgs/" + gracesOrg + "/api-keys",
                                lin,
                                "{\"name\":\"nightly\",\"role\":\"viewer\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(api.send(DELETE, "/v1/orgs/" + gracesOrg + "/members/" + linId, grace, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from audit_events where org_id = ?::uuid and action = 'org.member_removed' "
                                        + "and actor = ?",
                                Long.class,
                                gracesOrg,
                                userId(GRACE_EMAIL))
                        == 1);

        Map<String, Object> linsExport =
                api.send(GET, "/v1/users/me/export", lin, null).getBody();

        assertThat((List<Object>) linsExport.get("orgs")).isEmpty();
        Map<String, List<Map<String, Object>>> linsTrail = auditTrailOf(linsExport);
        assertThat(linsTrail.get(gracesOrg)).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("action", "apikey.issued")
                .containsEntry("actor", Map.of("id", linId, "kind", "user", "email", linEmail)));
        assertThat(eventIds(linsTrail.get(gracesOrg))).isEqualTo(auditEventIdsOf(gracesOrg, grace, linId));

        // the offboarded tenant's owner: what they did in the erased org, its texts and the addresses they invited
        // shown as placeholders, as the audit API shows them
        Map<String, Object> ownersExport = api.send(GET, "/v1/users/me/export", offboarded.ownerToken(), null)
                .getBody();
        String ownerId = (String) ownersExport.get("userId");
        List<Map<String, Object>> inErasedOrg = auditTrailOf(ownersExport).get(offboarded.orgId());
        assertThat(inErasedOrg)
                .extracting(event -> event.get("action"))
                .contains("org.created", "apikey.issued", "org.invitation_sent", "run.queued");
        assertThat(inErasedOrg).allSatisfy(event -> assertThat((Map<String, Object>) event.get("actor"))
                .containsEntry("id", ownerId));
        assertThat(inErasedOrg.stream()
                        .filter(event -> "org.created".equals(event.get("action")))
                        .map(event -> (Map<String, Object>) event.get("data")))
                .singleElement()
                .satisfies(data -> assertThat(data).containsEntry("name", "erased org " + offboarded.orgId()));
        assertThat(inErasedOrg.stream()
                        .filter(event -> "org.invitation_sent".equals(event.get("action")))
                        .map(event -> (String) ((Map<String, Object>) event.get("data")).get("email")))
                .hasSize(2)
                .allSatisfy(email -> assertThat(email).startsWith("erased invitation "));
        assertThat(eventIds(inErasedOrg))
                .isEqualTo(auditEventIdsOf(offboarded.orgId(), offboarded.ownerToken(), ownerId));
        String everything = ownersExport.toString() + linsExport;
        assertThat(TENANT_TEXTS).allSatisfy(text -> assertThat(everything).doesNotContain(text));
        assertThat(everything).doesNotContain(ADA_EMAIL).doesNotContain(ADA_NAME);
    }

    /** An access export's audit trail: each org's events, by org id. */
    private static Map<String, List<Map<String, Object>>> auditTrailOf(Map<String, Object> export) {
        Map<String, List<Map<String, Object>>> byOrg = new java.util.LinkedHashMap<>();
        for (Map<String, Object> part : (List<Map<String, Object>>) export.get("auditTrail")) {
            byOrg.put((String) part.get("orgId"), (List<Map<String, Object>>) part.get("events"));
        }
        return byOrg;
    }

    private static List<Object> eventIds(List<Map<String, Object>> events) {
        return events.stream().map(event -> event.get("eventId")).toList();
    }

    /** What the org's audit API answers for the actor's events, oldest first. */
    private List<Object> auditEventIdsOf(String orgId, String token, String actor) {
        List<Map<String, Object>> items = (List<Map<String, Object>>)
                api.send(GET, "/v1/orgs/" + orgId + "/audit-events?limit=200&actor=" + actor, token, null)
                        .getBody()
                        .get("items");
        List<Object> ids = new ArrayList<>(eventIds(items));
        java.util.Collections.reverse(ids);
        return ids;
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

    private List<Map<String, Object>> projections() {
        return (List<Map<String, Object>>)
                api.send(GET, "/v1/admin/projections", operator, null).getBody().get("items");
    }

    /** Each read model's table's identity in PostgreSQL: a rebuilt table is a new one. */
    private Map<String, Long> tableIds() {
        Map<String, Long> ids = new java.util.LinkedHashMap<>();
        for (String table : READ_MODEL_TABLES) {
            ids.put(table, jdbc.queryForObject("select ?::regclass::oid::bigint", Long.class, table));
        }
        return ids;
    }

    /** The rows of the read models a replay rebuilds, as text, per table (a difference names its rows). */
    private Map<String, List<String>> readModels() {
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (String table : READ_MODEL_TABLES) {
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
