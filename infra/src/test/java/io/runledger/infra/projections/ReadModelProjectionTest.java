package io.runledger.infra.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.org.RenameOrg;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import io.runledger.infra.testing.RenderTime;
import io.runledger.infra.testing.TenantDay;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Events in, rows out: a tenant's day through the API, then every read-model table as the projectors left it. */
@ReadModelIntegrationTest
class ReadModelProjectionTest extends ApiTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    PlatformTransactionManager transactions;

    private TenantDay day;

    @BeforeAll
    void a_tenants_day_fully_projected() {
        day = TenantDay.live(api, "Projected Inc").projectedIn(jdbc);
    }

    @Test
    void the_org_row_shows_the_generation_schemas_subscription_and_generation_columns() {
        Map<String, Object> org = jdbc.queryForMap("select * from orgs where id = ?::uuid", day.orgId());

        assertThat(org)
                .containsEntry("name", "Projected Inc")
                .containsEntry("subscription_status", "trialing")
                .containsEntry("subscription_plan", "free")
                .containsEntry("generations_this_month", 1)
                .containsEntry("generations_limit", 3);
        assertThat(org.get("trial_ends_at")).isNotNull();
        assertThat(jdbc.queryForList(
                        "select role from org_memberships where org_id = ?::uuid order by role",
                        String.class,
                        day.orgId()))
                .containsExactly("developer", "owner");
    }

    @Test
    void runs_carry_their_lifecycle_and_outputs() {
        Map<String, Object> succeeded = jdbc.queryForMap("select * from runs where id = ?::uuid", day.succeededRun());
        Map<String, Object> failed = jdbc.queryForMap("select * from runs where id = ?::uuid", day.failedRun());
        Map<String, Object> output = jdbc.queryForMap(
                "select content, summary, array_to_string(keywords, ',') as keywords from outputs where run_id = ?::uuid",
                day.succeededRun());

        assertThat(succeeded)
                .containsEntry("status", "succeeded")
                .containsEntry("input_source", "text")
                .containsEntry("input_chars", 32)
                .containsEntry("strategy", "map-reduce")
                .containsEntry("attempt", 1)
                .containsEntry("worker_id", "w-1");
        assertThat(succeeded.get("started_at")).isNotNull();
        assertThat(succeeded.get("finished_at")).isNotNull();
        assertThat(succeeded.get("idempotency_key")).isNotNull();
        assertThat(failed).containsEntry("status", "failed").containsEntry("error", "model overloaded");
        assertThat(output)
                .containsEntry("content", "Every fact is kept.")
                .containsEntry("summary", "Facts")
                .containsEntry("keywords", "events,facts");
    }

    @Test
    void usage_events_are_the_billable_facts_under_their_event_ids() {
        List<Map<String, Object>> usage = jdbc.queryForList(
                "select event_type, quantity from usage_events where org_id = ?::uuid order by created_at, event_type",
                day.orgId());

        assertThat(usage)
                .extracting(row -> row.get("event_type"))
                .containsExactlyInAnyOrder(
                        "run.created",
                        "run.created",
                        "tokens.used",
                        "run.completed",
                        "generations.completed",
                        "render.seconds");
        assertThat(usage)
                .filteredOn(row -> row.get("event_type").equals("tokens.used"))
                .extracting(row -> ((BigDecimal) row.get("quantity")).intValueExact())
                .containsExactly(1543);
        assertThat(jdbc.queryForObject("""
                select count(*) from usage_events u join domain_event_entry e on e.event_identifier = u.id::text
                where u.org_id = ?::uuid and e.payload_type like '%.UsageRecorded'
                """, Long.class, day.orgId())).isEqualTo(TenantDay.USAGE_EVENTS);
    }

    @Test
    void a_completed_generation_is_billed_under_the_generation_with_its_render_seconds() {
        List<Map<String, Object>> billed = jdbc.queryForList("""
                select event_type, quantity, run_id, user_id from usage_events
                where org_id = ?::uuid and generation_id = ?::uuid order by event_type
                """, day.orgId(), day.generationId());
        long renderSeconds = RenderTime.billedSeconds(jdbc, day.generationId());

        assertThat(billed)
                .extracting(row -> row.get("event_type") + " " + ((BigDecimal) row.get("quantity")).longValueExact())
                .containsExactly("generations.completed 1", "render.seconds " + renderSeconds);
        assertThat(billed)
                .allSatisfy(row -> assertThat(row.get("run_id")).isNull())
                .allSatisfy(row -> assertThat(row.get("user_id")).isNotNull());
    }

    @Test
    void the_project_follows_its_generation_to_the_video() {
        Map<String, Object> generation = jdbc.queryForMap(
                "select *, audio_analysis ->> 'bpm' as bpm from generations where id = ?::uuid", day.generationId());

        assertThat(generation)
                .containsEntry("status", "completed")
                .containsEntry("generation_number", 1)
                .containsEntry("file_size", 48_000_000L)
                .containsEntry("render_time_seconds", 95)
                .containsEntry("bpm", "128")
                .containsEntry("organization_id", java.util.UUID.fromString(day.orgId()));
        assertThat(generation.get("completed_at")).isNotNull();
        assertThat(jdbc.queryForMap(
                        "select name, resolution, status from projects where id = ?::uuid", day.projectId()))
                .containsEntry("name", "Launch video")
                .containsEntry("resolution", "1080p")
                .containsEntry("status", "completed");
    }

    @Test
    void each_stage_of_the_generation_has_its_events_time_in_the_row_and_the_api() {
        Map<String, Object> stages = jdbc.queryForMap("""
                select g.started_at = e.analysis_started as started, g.analyzed_at = e.analysis_recorded as analyzed,
                       g.planned_at = e.plan_recorded as planned, g.rendering_at = e.rendering_started as rendering,
                       g.completed_at = e.completed as completed
                from generations g, (select
                    max(time_stamp::timestamptz) filter (where payload_type like '%.AudioAnalysisStarted') as analysis_started,
                    max(time_stamp::timestamptz) filter (where payload_type like '%.AudioAnalysisRecorded') as analysis_recorded,
                    max(time_stamp::timestamptz) filter (where payload_type like '%.VisualPlanRecorded') as plan_recorded,
                    max(time_stamp::timestamptz) filter (where payload_type like '%.RenderingStarted') as rendering_started,
                    max(time_stamp::timestamptz) filter (where payload_type like '%.GenerationCompleted') as completed
                  from domain_event_entry where aggregate_identifier = ?) e
                where g.id = ?::uuid
                """, day.generationId(), day.generationId());
        assertThat(stages.values()).containsOnly(true).hasSize(5);

        Map<String, Object> generation = api.send(
                        HttpMethod.GET,
                        "/v1/orgs/" + day.orgId() + "/generations/" + day.generationId(),
                        day.ownerToken(),
                        null)
                .getBody();
        List<Instant> times = Stream.of(
                        "createdAt", "startedAt", "analyzedAt", "plannedAt", "renderingAt", "completedAt")
                .map(field -> Instant.parse((String) generation.get(field)))
                .toList();
        assertThat(times).isSorted();
        assertThat(times.subList(2, 5))
                .containsExactlyElementsOf(
                        jdbc.query("""
                        select unnest(array[analyzed_at, planned_at, rendering_at]) as at
                        from generations where id = ?::uuid
                        """, (rs, row) -> rs.getTimestamp("at").toInstant(), day.generationId()));
    }

    @Test
    void every_event_of_the_org_is_one_readable_system_log_row() {
        Map<String, Object> failure = jdbc.queryForMap("""
                select l.status, l.severity, l.message, l.error_message, l.details -> 'metadata' ->> 'actor' as actor
                from system_logs l where l.organization_id = ?::uuid and l.action_type = 'run_failed'
                """, day.orgId());
        Map<String, Object> completion = jdbc.queryForMap("""
                select status, project_id::text as project, generation_id::text as generation from system_logs
                where organization_id = ?::uuid and action_type = 'generation_completed'
                """, day.orgId());

        assertThat(failure)
                .containsEntry("status", "error")
                .containsEntry("severity", "error")
                .containsEntry("message", "Run failed: model overloaded")
                .containsEntry("error_message", "model overloaded")
                .containsEntry("actor", "worker:test");
        assertThat(jdbc.queryForList(
                        "select message from system_logs where organization_id = ?::uuid "
                                + "and action_type = 'usage_recorded' order by global_index",
                        String.class,
                        day.orgId()))
                .contains("Usage recorded: 1543 of tokens.used", "Usage recorded: 1 of run.created");
        assertThat(completion)
                .containsEntry("status", "success")
                .containsEntry("project", day.projectId())
                .containsEntry("generation", day.generationId());
        assertThat(rowsAwayFromTheirEvent(day.orgId())).isEmpty();
        assertThat(jdbc.queryForList(
                        "select distinct status from system_logs where organization_id = ?::uuid",
                        String.class,
                        day.orgId()))
                .containsExactlyInAnyOrder("started", "success", "error");
    }

    /** Log rows whose global index is not their event's in the store (or that no event backs). */
    private List<String> rowsAwayFromTheirEvent(String orgId) {
        return jdbc.queryForList("""
                select l.action_type || ' logged at ' || l.global_index || ', stored at ' || coalesce(e.global_index::text, 'nowhere')
                from system_logs l left join domain_event_entry e on e.event_identifier = l.id::text
                where l.organization_id = ?::uuid and e.global_index is distinct from l.global_index
                """, String.class, orgId);
    }

    /**
     * An event stored in a transaction that commits after a later event's: the processor sees the later one
     * first and the earlier one as a gap filled afterwards, and its token then holds the later index.
     */
    @Test
    void an_event_committed_after_a_later_one_is_logged_at_its_own_place_in_the_store() {
        String owner = api.tokenFor("late-" + UUID.randomUUID() + "@example.com");
        String lateOrg = api.createOrg(owner, "Late Commit Inc");
        String[] earlyOrg = new String[1];

        new TransactionTemplate(transactions).executeWithoutResult(held -> {
            commands.sendAndWait(new RenameOrg(UUID.fromString(lateOrg), "Late Commit Labs"));
            earlyOrg[0] = api.createOrg(owner, "Early Commit Inc");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> loggedActions(earlyOrg[0]).contains("org_created"));
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> loggedActions(lateOrg).contains("org_renamed"));

        assertThat(jdbc.queryForObject("""
                select r.global_index < c.global_index from domain_event_entry r, domain_event_entry c
                where r.payload_type like '%.OrgRenamed' and convert_from(r.payload, 'UTF8')::jsonb ->> 'orgId' = ?
                  and c.payload_type like '%.OrgCreated' and convert_from(c.payload, 'UTF8')::jsonb ->> 'orgId' = ?
                """, Boolean.class, lateOrg, earlyOrg[0]))
                .as("the rename was stored before, committed after")
                .isTrue();
        assertThat(rowsAwayFromTheirEvent(lateOrg)).isEmpty();
        assertThat(rowsAwayFromTheirEvent(earlyOrg[0])).isEmpty();
    }

    private List<String> loggedActions(String orgId) {
        return jdbc.queryForList(
                "select action_type from system_logs where organization_id = ?::uuid", String.class, orgId);
    }

    @Test
    void the_catalog_users_and_plans_are_there() {
        assertThat(jdbc.queryForObject("select count(*) from patterns where active", Long.class))
                .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForList("select id from plans order by monthly_price_cents", String.class))
                .containsExactly("free", "pro", "team");
        assertThat(jdbc.queryForObject(
                        "select limits ->> 'generations_per_month' from plans where id = 'pro'", String.class))
                .isEqualTo("50");
        assertThat(jdbc.queryForObject("""
                select count(*) from users u join auth_identities i on i.user_id = u.id
                join org_memberships m on m.user_id = u.id where m.org_id = ?::uuid
                """, Long.class, day.orgId())).isEqualTo(2);
    }
}
