package io.runledger.infra.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import io.runledger.infra.testing.TenantDay;
import io.runledger.projections.ReadModelRebuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Operators watch the read models and rebuild them from the event store, to the same content. */
@ReadModelIntegrationTest
class ProjectionReplayTest extends ApiTest {

    /**
     * Each read-model table, narrowed to this test's tenants: the context is shared, and other tests' tenants go on
     * living while these replay (a lease left behind expires and records its event), as any tenant would in production.
     */
    static final Map<String, String> TENANT_ROWS = Map.ofEntries(
            Map.entry("orgs", "id in (select org from tenants)"),
            Map.entry("org_memberships", "org_id in (select org from tenants)"),
            Map.entry("users", "id in (select person from people)"),
            Map.entry("auth_identities", "user_id in (select person from people)"),
            Map.entry("patterns", "true"),
            Map.entry("subscriptions", "org_id in (select org from tenants)"),
            Map.entry("runs", "org_id in (select org from tenants)"),
            Map.entry("outputs", "org_id in (select org from tenants)"),
            Map.entry("usage_events", "org_id in (select org from tenants)"),
            Map.entry("projects", "organization_id in (select org from tenants)"),
            Map.entry("generations", "organization_id in (select org from tenants)"),
            Map.entry("system_logs", "organization_id in (select org from tenants)"));

    @Autowired
    DataSource dataSource;

    private String operator;
    private TenantDay replayedA;
    /** the days' people and every org they belong to (the developers' side projects too), fixed before any damage */
    private String scope;

    @BeforeAll
    void two_tenants_days_projected() {
        operator = api.tokenFor(ReadModelIntegrationTest.PLATFORM_ADMIN);
        replayedA = TenantDay.live(api, "Replayed A").projectedIn(jdbc);
        TenantDay replayedB = TenantDay.live(api, "Replayed B").projectedIn(jdbc);
        List<String> people = jdbc.queryForList(
                "select distinct user_id::text from org_memberships where org_id in (?::uuid, ?::uuid)",
                String.class,
                replayedA.orgId(),
                replayedB.orgId());
        List<String> orgs = jdbc.queryForList(
                "select distinct org_id::text from org_memberships where user_id = any(?::uuid[])",
                String.class,
                "{" + String.join(",", people) + "}");
        scope =
                "with people(person) as (select unnest('{%s}'::uuid[])), tenants(org) as (select unnest('{%s}'::uuid[])) "
                        .formatted(String.join(",", people), String.join(",", orgs));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> projections() {
        ResponseEntity<Map<String, Object>> answer = api.send(GET, "/v1/admin/projections", operator, null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) answer.getBody().get("items");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> projection(String name) {
        return projections().stream()
                .filter(projection -> projection.get("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> runsOf(TenantDay tenant) {
        ResponseEntity<Map<String, Object>> page =
                api.send(GET, "/v1/orgs/" + tenant.orgId() + "/runs", tenant.ownerToken(), null);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) page.getBody().get("items");
    }

    private void awaitAllCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(projections())
                .allSatisfy(projection ->
                        assertThat(projection).containsEntry("lagEvents", 0).containsEntry("replaying", false)));
    }

    private Map<String, String> checksums() {
        Map<String, String> sums = new TreeMap<>();
        TENANT_ROWS.forEach((table, rows) -> sums.put(
                table,
                jdbc.queryForObject(
                        scope
                                + "select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "
                                + table
                                + " t where " + rows,
                        String.class)));
        return sums;
    }

    /** Deletes one of this test's rows from the table, as a damaged read model would have lost it. */
    private void damage(String table) {
        jdbc.update(scope + "delete from " + table + " where ctid = (select min(ctid) from " + table + " where "
                + TENANT_ROWS.get(table) + ")");
    }

    @Test
    void every_read_model_reports_its_position_against_the_head_of_the_store() {
        awaitAllCaughtUp();
        List<Map<String, Object>> states = projections();

        assertThat(states)
                .extracting(state -> state.get("name"))
                .containsExactly(
                        "read-orgs",
                        "read-users",
                        "read-patterns",
                        "read-subscriptions",
                        "read-runs",
                        "read-usage",
                        "read-projects",
                        "read-system-logs");
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(states).allSatisfy(state -> assertThat(state)
                .containsEntry("running", true)
                .containsEntry("head", (int) head)
                .containsEntry("lagSeconds", 0.0)
                .containsKeys("eventsPerSecond", "segments", "position", "expectedCaughtUpAt"));
    }

    @Test
    void replaying_every_read_model_while_serving_rebuilds_the_same_tables_from_the_store() {
        awaitAllCaughtUp();
        Map<String, String> before = checksums();
        assertThat(before.get("runs")).doesNotStartWith("0:");
        // damage every table, so only a rebuild from the event store can give the checksums back
        TENANT_ROWS.keySet().forEach(this::damage);
        assertThat(checksums())
                .allSatisfy((table, sum) -> assertThat(sum).as(table).isNotEqualTo(before.get(table)));

        for (Map<String, Object> projection : projections()) {
            ResponseEntity<Map<String, Object>> replay =
                    api.send(POST, "/v1/admin/projections/" + projection.get("name") + "/replay", operator, null);
            assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        }
        awaitAllCaughtUp();

        assertThat(checksums()).isEqualTo(before);
        // users' and auth_identities' policies read org_memberships: a swap of read-orgs makes them again
        assertThat(jdbc.queryForList(
                        "select tablename from pg_policies where tablename in ('users', 'auth_identities')",
                        String.class))
                .containsExactlyInAnyOrder("users", "auth_identities");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_rebuild_builds_beside_the_live_tables_which_queries_read_until_one_swap_puts_the_new_ones_in_their_place()
            throws Exception {
        awaitAllCaughtUp();
        List<Map<String, Object>> runsBefore = runsOf(replayedA);
        assertThat(runsBefore).hasSize(2);
        long liveRuns = jdbc.queryForObject("select 'runs'::regclass::oid", Long.class);

        TenantDay during;
        Map<String, String> liveJustBeforeTheSwap;
        try (Connection operatorsHold = dataSource.getConnection();
                Statement hold = operatorsHold.createStatement()) {
            // an operator holding the swap lock holds the swap back: the rebuild catches up, indexes, and waits
            hold.execute("select pg_advisory_lock(" + ReadModelRebuild.SWAP_LOCK + ")");
            ResponseEntity<Map<String, Object>> replay =
                    api.send(POST, "/v1/admin/projections/read-runs/replay", operator, null);
            assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(replay.getBody()).containsEntry("replaying", true);
            await().atMost(Duration.ofSeconds(60)).until(() -> "waiting_for_swap_lock"
                    .equals(((Map<String, Object>) projection("read-runs").get("rebuild")).get("phase")));

            Map<String, Object> rebuild =
                    (Map<String, Object>) projection("read-runs").get("rebuild");
            assertThat(rebuild)
                    .containsEntry("readModels", List.of("read-runs"))
                    .containsEntry("lagEvents", 0)
                    .containsEntry("problem", null)
                    .containsKeys("position", "head", "eventsPerSecond", "expectedFinishAt", "startedAt");
            assertThat(projection("read-usage"))
                    .containsEntry("replaying", false)
                    .containsEntry("rebuild", null);
            // queries read the live tables, whole, while the new ones wait beside them, indexed after their load
            assertThat(runsOf(replayedA)).isEqualTo(runsBefore);
            assertThat(jdbc.queryForObject("select count(*) from read_model_rebuild.runs", Long.class))
                    .isEqualTo(jdbc.queryForObject("select count(*) from runs", Long.class));
            assertThat(jdbc.queryForList(
                            "select indexname from pg_indexes where schemaname = 'read_model_rebuild'", String.class))
                    .contains("runs_pkey", "runs_by_org_status", "runs_by_org_queued", "outputs_by_run");

            // the service goes on: a new tenant's day reaches the live tables and, by the rebuild, the new ones
            during = TenantDay.live(api, "Appended during the rebuild").projectedIn(jdbc);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ((Number) ((Map<String, Object>)
                                                    projection("read-runs").get("rebuild"))
                                            .get("lagEvents"))
                                    .longValue()
                            == 0);
            liveJustBeforeTheSwap = checksums();
            hold.execute("select pg_advisory_unlock(" + ReadModelRebuild.SWAP_LOCK + ")");
        }
        awaitAllCaughtUp();

        // one swap: new tables under the live names, with the content the live ones had, indexes and keys included
        assertThat(jdbc.queryForObject("select 'runs'::regclass::oid", Long.class))
                .isNotEqualTo(liveRuns);
        assertThat(checksums()).isEqualTo(liveJustBeforeTheSwap);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_namespace where nspname = 'read_model_rebuild'", Long.class))
                .isZero();
        assertThat(jdbc.queryForList(
                        "select conname from pg_constraint where conrelid = 'outputs'::regclass and contype = 'f'",
                        String.class))
                .hasSize(1);
        assertThat(runsOf(replayedA)).isEqualTo(runsBefore);
        assertThat(runsOf(during)).hasSize(2);
    }

    @Test
    void replaying_one_read_model_rebuilds_it_alone_and_leaves_the_others_as_they_are() {
        awaitAllCaughtUp();
        Map<String, String> before = checksums();
        damage("runs");
        damage("usage_events");
        String damagedUsage = checksums().get("usage_events");

        ResponseEntity<Map<String, Object>> replay =
                api.send(POST, "/v1/admin/projections/read-runs/replay", operator, null);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(replay.getBody()).containsEntry("name", "read-runs");
        awaitAllCaughtUp();

        Map<String, String> after = checksums();
        assertThat(after.get("runs")).isEqualTo(before.get("runs"));
        // read-usage shared the reading of the store but was not rebuilt: its damage stays until its own replay
        assertThat(after.get("usage_events")).isEqualTo(damagedUsage).isNotEqualTo(before.get("usage_events"));
        assertThat(after.get("system_logs")).isEqualTo(before.get("system_logs"));

        api.send(POST, "/v1/admin/projections/read-usage/replay", operator, null);
        awaitAllCaughtUp();
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void only_platform_admins_operate_the_read_models() {
        String tenant = api.tokenFor("not-ops@example.com");

        ResponseEntity<Map<String, Object>> list = api.send(GET, "/v1/admin/projections", tenant, null);
        ResponseEntity<Map<String, Object>> replay =
                api.send(POST, "/v1/admin/projections/read-runs/replay", tenant, null);
        ResponseEntity<Map<String, Object>> unknown =
                api.send(POST, "/v1/admin/projections/read-everything/replay", operator, null);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(list.getBody()).containsEntry("type", "https://runledger.io/problems/platform-admin-required");
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
