package io.runledger.infra.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.PoisonedOrgs;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * One tenant's event that a read model cannot write parks that tenant's events in the read model's dead-letter
 * queue, in order, while every other tenant's reads stay current; an operator sees why, retries once the cause
 * is gone (the tenant's rows then equal what a clean replay writes), or gives up, which the log records.
 */
@ReadModelIntegrationTest
@TestPropertySource(properties = "runledger.dead-letters.stuck-after=2s")
class DeadLettersTest extends ApiTest {

    @Autowired
    StoredEvents storedEvents;

    private static final String SYSTEM_LOG = "read-system-logs";

    String operator;

    @BeforeAll
    void operator() {
        operator = api.tokenFor(ReadModelIntegrationTest.PLATFORM_ADMIN);
    }

    @AfterEach
    void dropTriggers() {
        PoisonedOrgs.acceptAgain(jdbc);
        jdbc.execute("drop trigger if exists refuse_parking on dead_letter_entry");
        jdbc.execute("drop function if exists refuse_parking()");
    }

    @Test
    void a_poisoned_tenant_waits_in_the_dead_letter_queue_while_others_go_on_and_a_retry_catches_it_up_exactly() {
        PoisonedOrgs.refuseLogRowsOf(jdbc, "Poisoned Ltd");
        TenantDay poisoned = TenantDay.live(api, "Poisoned Ltd");

        Map<String, Object> parked = await().atMost(Duration.ofSeconds(15))
                .until(() -> parkedSequenceOf(poisoned.orgId()), sequence -> sequence != null);
        assertThat(parked.get("eventType")).isEqualTo("OrgCreated");
        assertThat((String) parked.get("cause")).contains("refused for the test");
        assertThat(((Number) parked.get("attempts")).intValue()).isGreaterThanOrEqualTo(3);
        assertThat(((Number) parked.get("position")).longValue())
                .isEqualTo(jdbc.queryForObject("""
                select global_index from domain_event_entry where event_identifier = ?""", Long.class, parked.get("eventId")));
        assertThat(parked.get("firstFailureAt")).isNotNull();
        assertThat(parked.get("lastFailureAt")).isNotNull();

        // another tenant, created after the poisoned one, is in the system log within moments
        long started = System.nanoTime();
        String other = api.createOrg(api.tokenFor("other-tenant@example.com"), "Healthy Co");
        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> logRows(other) >= 3);
        System.out.printf(
                "Another tenant's system log was current %d ms after its request%n",
                (System.nanoTime() - started) / 1_000_000);

        // the poisoned tenant's later events wait behind the failed one, none of them written
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ((Number) parkedSequenceOf(poisoned.orgId()).get("parkedEvents")).longValue()
                        == storedEvents.countOf(poisoned.orgId()));
        assertThat(logRows(poisoned.orgId())).isZero();
        assertThat(projection(SYSTEM_LOG).get("deadLetters")).isEqualTo((int) storedEvents.countOf(poisoned.orgId()));

        // no replay that would empty the table while letters wait
        ResponseEntity<Map<String, Object>> replay =
                api.send(POST, "/v1/admin/projections/" + SYSTEM_LOG + "/replay", operator, null);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(replay.getBody().get("type")).isEqualTo("https://runledger.io/problems/dead-letters-pending");
        assertThat(logRows(other)).isGreaterThanOrEqualTo(3);

        dropTriggers();
        ResponseEntity<Map<String, Object>> retried = api.send(
                POST,
                "/v1/admin/projections/" + SYSTEM_LOG + "/dead-letters/retry?orgId=" + poisoned.orgId(),
                operator,
                null);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody())
                .containsEntry("retried", 1)
                .containsEntry("succeeded", 1)
                .containsEntry("stillParked", 0);
        poisoned.projectedIn(jdbc);
        String afterRetry = checksumOfLog(poisoned.orgId());

        assertThat(api.send(POST, "/v1/admin/projections/" + SYSTEM_LOG + "/replay", operator, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ((Number) projection(SYSTEM_LOG).get("lagEvents")).longValue() == 0
                        && !(Boolean) projection(SYSTEM_LOG).get("replaying"));
        assertThat(checksumOfLog(poisoned.orgId())).isEqualTo(afterRetry);
    }

    @Test
    void an_operator_who_gives_up_on_a_tenants_dead_letters_evicts_them_and_the_log_records_it() {
        PoisonedOrgs.refuseLogRowsOf(jdbc, "Abandoned Ltd");
        String owner = api.tokenFor("abandoned-owner@example.com");
        long started = System.nanoTime();
        String orgId = api.createOrg(owner, "Abandoned Ltd");
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> parkedSequenceOf(orgId) != null);
        System.out.printf(
                "A poison event was parked %d ms after its request%n", (System.nanoTime() - started) / 1_000_000);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> parkedSequenceOf(orgId) != null
                        && ((Number) parkedSequenceOf(orgId).get("parkedEvents")).longValue()
                                == storedEvents.countOf(orgId));
        long parkedEvents = storedEvents.countOf(orgId);

        ResponseEntity<Map<String, Object>> stranger =
                api.send(DELETE, "/v1/admin/projections/" + SYSTEM_LOG + "/dead-letters/" + orgId, owner, null);
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map<String, Object>> evicted = api.send(
                DELETE,
                "/v1/admin/projections/" + SYSTEM_LOG + "/dead-letters/" + orgId + "?reason=test data",
                operator,
                null);
        assertThat(evicted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(evicted.getBody()).containsEntry("evicted", (int) parkedEvents);
        assertThat(parkedSequenceOf(orgId)).isNull();
        assertThat(api.send(DELETE, "/v1/admin/projections/" + SYSTEM_LOG + "/dead-letters/" + orgId, operator, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // the decision is an event with the operator as its actor, and the tenant's log shows it
        Map<String, Object> decision = jdbc.queryForMap("""
                select convert_from(payload, 'UTF8')::jsonb as payload, convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' as actor
                from domain_event_entry where payload_type like '%.DeadLettersEvicted'
                and convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ?""", orgId);
        assertThat(decision.get("payload").toString()).contains("read-system-logs", "test data");
        assertThat((String) decision.get("actor")).matches("[0-9a-f-]{36}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from system_logs where organization_id = ?::uuid and action_type = 'dead_letters_evicted'",
                                Long.class,
                                orgId)
                        == 1);
    }

    @Test
    void health_shows_each_processor_to_operators_and_is_down_while_a_failure_can_be_neither_passed_nor_parked() {
        assertThat(http.getForEntity("/actuator/health/readModels", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.send(GET, "/actuator/health/readModels", api.tokenFor("curious@example.com"), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Map<String, Object> processors = readModelsHealth(HttpStatus.OK);
        assertThat(processors).containsKeys("read-orgs", "read-runs", SYSTEM_LOG, "stripe-meter-events");
        assertThat((Map<String, Object>) processors.get("read-runs"))
                .containsKeys("running", "lagEvents", "deadLetters");

        // the dead-letter table refuses too: the poisoned event can be neither written nor parked
        jdbc.execute("""
                create function refuse_parking() returns trigger language plpgsql as $$
                begin raise exception 'no parking for the test'; end $$
                """);
        jdbc.execute(
                "create trigger refuse_parking before insert on dead_letter_entry for each row execute function refuse_parking()");
        PoisonedOrgs.refuseLogRowsOf(jdbc, "Stuck Ltd");
        api.createOrg(api.tokenFor("stuck-owner@example.com"), "Stuck Ltd");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat((Map<String, Object>)
                        readModelsHealth(HttpStatus.SERVICE_UNAVAILABLE).get(SYSTEM_LOG))
                .containsEntry("stuck", true)
                .containsKey("failingSince"));
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        dropTriggers();
        await().atMost(Duration.ofSeconds(20)).until(() -> readModelsStatus() == HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readModelsHealth(HttpStatus expected) {
        ResponseEntity<Map<String, Object>> health = api.send(GET, "/actuator/health/readModels", operator, null);
        assertThat(health.getStatusCode()).isEqualTo(expected);
        Map<String, Object> component =
                (Map<String, Object>) ((Map<String, Object>) health.getBody().get("components")).get("readModels");
        return (Map<String, Object>) component.get("details");
    }

    private HttpStatus readModelsStatus() {
        return HttpStatus.valueOf(api.send(GET, "/actuator/health/readModels", operator, null)
                .getStatusCode()
                .value());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parkedSequenceOf(String orgId) {
        ResponseEntity<Map<String, Object>> listed =
                api.send(GET, "/v1/admin/projections/" + SYSTEM_LOG + "/dead-letters", operator, null);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) listed.getBody().get("items"))
                .stream()
                        .filter(sequence -> orgId.equals(sequence.get("orgId")))
                        .findFirst()
                        .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> projection(String name) {
        return ((List<Map<String, Object>>) api.send(GET, "/v1/admin/projections", operator, null)
                        .getBody()
                        .get("items"))
                .stream()
                        .filter(state -> name.equals(state.get("name")))
                        .findFirst()
                        .orElseThrow();
    }

    private long logRows(String orgId) {
        return jdbc.queryForObject(
                "select count(*) from system_logs where organization_id = ?::uuid", Long.class, orgId);
    }

    private String checksumOfLog(String orgId) {
        return jdbc.queryForObject(
                "select md5(string_agg(l::text, '|' order by l.id)) from system_logs l "
                        + "where organization_id = ?::uuid",
                String.class,
                orgId);
    }
}
