package io.runledger.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.generation.CompleteGeneration;
import io.runledger.domain.generation.RecordAudioAnalysis;
import io.runledger.domain.generation.RecordVisualPlan;
import io.runledger.domain.generation.StartAudioAnalysis;
import io.runledger.domain.generation.StartRendering;
import io.runledger.domain.org.AddMember;
import io.runledger.domain.org.CreateOrg;
import io.runledger.domain.org.RenameOrg;
import io.runledger.domain.org.Role;
import io.runledger.domain.pattern.RegisterPattern;
import io.runledger.domain.project.CreateProject;
import io.runledger.domain.project.RequestGeneration;
import io.runledger.domain.run.FailRun;
import io.runledger.domain.run.InputSource;
import io.runledger.domain.run.ProduceOutput;
import io.runledger.domain.run.QueueRun;
import io.runledger.domain.run.RecordTokenUsage;
import io.runledger.domain.run.StartRun;
import io.runledger.domain.run.SucceedRun;
import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.subscription.ActivateSubscription;
import io.runledger.domain.subscription.ChangePlan;
import io.runledger.domain.subscription.Plan;
import io.runledger.domain.subscription.SubscriptionIds;
import io.runledger.domain.user.AuthProvider;
import io.runledger.domain.user.RegisterUser;
import io.runledger.infra.testing.EventHistories;
import io.runledger.infra.testing.FreshDatabaseInitializer;
import io.runledger.infra.testing.RunningRunledger;
import io.runledger.infra.testing.SampleProjects;
import io.runledger.infra.testing.TestDatabases;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on PostgreSQL: an org's life from creation through a run and a generation is
 * driven through the CommandGateway, the application is stopped, and a second application on the same
 * database reads the log back and carries on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventStoreLifecycleTest {

    /** Now, not a fixed date: an org created in the past would have its trial end (TrialEnded) before it is paid for. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final UUID org = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID pattern = UUID.randomUUID();
    private final UUID run = UUID.randomUUID();
    private final UUID project = UUID.randomUUID();
    private final UUID generation = UUID.randomUUID();
    private final Caller aliceInBrowser = new Caller(alice.toString(), "req-alice-1", "conv-onboarding");
    private final Caller worker = new Caller("worker:llm-7", "req-worker-1", "conv-onboarding");

    private Map<String, Object> database;
    private CommandMessage<?> queueRun;
    private RunningRunledger restarted;
    private JdbcTemplate jdbc;
    private long lastIndexBeforeRestart;

    @BeforeAll
    void live_a_tenants_first_day_then_restart() {
        database = FreshDatabaseInitializer.databaseProperties(TestDatabases.createFresh());
        try (RunningRunledger first = RunningRunledger.start(database)) {
            send(
                    first,
                    Caller.system(),
                    new RegisterPattern(pattern, "summarize_briefly", "Short summary", "writing", null));
            send(
                    first,
                    aliceInBrowser,
                    new RegisterUser(alice, "alice@acme.test", "Alice", AuthProvider.GOOGLE, "g-alice"));
            send(first, aliceInBrowser, new CreateOrg(org, "Acme", "acme", alice, NOW));
            send(first, aliceInBrowser, new AddMember(org, bob, Role.DEVELOPER));
            send(first, Caller.system(), new ActivateSubscription(org, Plan.PRO, NOW.plusSeconds(30L * 24 * 3600)));
            queueRun = GenericCommandMessage.asCommandMessage(new QueueRun(
                    org,
                    run,
                    alice,
                    pattern,
                    "summarize_briefly",
                    InputSource.TEXT,
                    1200,
                    "map-reduce",
                    "req-alice-1",
                    "idem-1"));
            send(first, aliceInBrowser, queueRun);
            send(first, worker, new StartRun(run, "llm-7"));
            send(
                    first,
                    worker,
                    new ProduceOutput(
                            run,
                            UUID.randomUUID(),
                            "A short summary.",
                            null,
                            "Summary",
                            List.of("acme", "summary"),
                            Map.of("model", "m-1")));
            send(first, worker, new RecordTokenUsage(run, UUID.randomUUID(), 1543));
            send(first, worker, new SucceedRun(run));
            send(first, aliceInBrowser, new CreateProject(org, project, alice, SampleProjects.LAUNCH_VIDEO));
            send(first, aliceInBrowser, new RequestGeneration(project, generation, alice, "seed-1"));
            send(first, worker, new StartAudioAnalysis(generation, "render-3"));
            send(first, worker, new RecordAudioAnalysis(generation, Map.of("bpm", 128)));
            send(first, worker, new RecordVisualPlan(generation, Map.of("scenes", 12)));
            send(first, worker, new StartRendering(generation));
            send(
                    first,
                    worker,
                    new CompleteGeneration(
                            generation,
                            "https://cdn.test/v.mp4",
                            "https://cdn.test/t.jpg",
                            new BigDecimal("184.5"),
                            48_000_000L,
                            95));
            // The project learns the outcome asynchronously, from the event stream.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> eventTypesOf(first.jdbc(), project).contains("ProjectGenerationFinished"));
            // the run's usage as a version before usage ids and generation metering stored it
            first.jdbc().update("""
                    update domain_event_entry
                    set payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'usageId' - 'generationId')::text, 'UTF8')
                    where aggregate_identifier = ? and payload_type = 'io.runledger.domain.run.UsageRecorded'
                    """, run.toString());
        }
        restarted = RunningRunledger.start(database);
        jdbc = restarted.jdbc();
        // The restart tests append events; the other tests look only at what the first run stored.
        lastIndexBeforeRestart = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    @AfterAll
    void stop() {
        restarted.close();
    }

    private static void send(RunningRunledger app, Caller caller, Object command) {
        CallerContext.callAs(caller, () -> app.commands().sendAndWait(command));
    }

    private List<String> eventTypesOf(UUID aggregate) {
        return eventTypesOf(aggregate, Long.MAX_VALUE);
    }

    private static List<String> eventTypesOf(JdbcTemplate jdbc, UUID aggregate) {
        return eventTypesOf(jdbc, aggregate, Long.MAX_VALUE);
    }

    private List<String> eventTypesOf(UUID aggregate, long upToGlobalIndex) {
        return eventTypesOf(jdbc, aggregate, upToGlobalIndex);
    }

    private static List<String> eventTypesOf(JdbcTemplate jdbc, UUID aggregate, long upToGlobalIndex) {
        return jdbc.queryForList("""
                select payload_type from domain_event_entry
                where aggregate_identifier = ? and global_index <= ? order by sequence_number
                """, String.class, aggregate.toString(), upToGlobalIndex).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    @Test
    void each_aggregate_stream_holds_its_events_in_order_with_gapless_sequence_numbers() {
        assertThat(eventTypesOf(run, lastIndexBeforeRestart)).containsExactlyElementsOf(EventHistories.SUCCEEDED_RUN);
        assertThat(eventTypesOf(generation, lastIndexBeforeRestart))
                .containsExactlyElementsOf(EventHistories.COMPLETED_GENERATION);
        assertThat(eventTypesOf(project, lastIndexBeforeRestart))
                .containsExactly("ProjectCreated", "ProjectGenerationQueued", "ProjectGenerationFinished");
        assertThat(eventTypesOf(SubscriptionIds.forOrg(org), lastIndexBeforeRestart))
                .containsExactly("SubscriptionStarted", "SubscriptionActivated");
        assertThat(jdbc.queryForList("""
                select count(*) = max(sequence_number) + 1 and min(sequence_number) = 0
                from domain_event_entry group by aggregate_identifier
                """, Boolean.class)).isNotEmpty().containsOnly(true);
    }

    @Test
    void the_global_index_follows_the_order_in_which_things_happened() {
        List<String> types = jdbc.queryForList(
                "select payload_type from domain_event_entry where global_index <= ? order by global_index",
                String.class,
                lastIndexBeforeRestart);
        assertThat(types.get(0)).endsWith(".PatternRegistered");
        assertThat(types.indexOf("io.runledger.domain.org.OrgCreated"))
                .isLessThan(types.indexOf("io.runledger.domain.run.RunQueued"));
        assertThat(types.indexOf("io.runledger.domain.generation.GenerationCompleted"))
                .isLessThan(types.indexOf("io.runledger.domain.project.ProjectGenerationFinished"));
    }

    @Test
    void a_stored_RunQueued_is_readable_json_with_its_fields() {
        Map<String, Object> payload = jdbc.queryForMap("""
                select payload::text as raw,
                       convert_from(payload, 'UTF8')::jsonb ->> 'orgId'          as org_id,
                       convert_from(payload, 'UTF8')::jsonb ->> 'patternId'      as pattern_id,
                       convert_from(payload, 'UTF8')::jsonb ->> 'inputSource'    as input_source,
                       (convert_from(payload, 'UTF8')::jsonb ->> 'inputChars')::int as input_chars,
                       convert_from(payload, 'UTF8')::jsonb ->> 'idempotencyKey' as idempotency_key
                from domain_event_entry
                where aggregate_identifier = ? and payload_type = 'io.runledger.domain.run.RunQueued'
                """, run.toString());
        assertThat(payload)
                .containsEntry("org_id", org.toString())
                .containsEntry("pattern_id", pattern.toString())
                .containsEntry("input_source", "TEXT")
                .containsEntry("input_chars", 1200)
                .containsEntry("idempotency_key", "idem-1");
        assertThat(payload.get("raw").toString()).startsWith("\\x7b"); // bytea holding '{', not a large-object OID
    }

    @Test
    void every_stored_event_names_its_tenant() {
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where convert_from(payload, 'UTF8')::jsonb ->> 'orgId' is null
                """, Integer.class)).isZero();
    }

    @Test
    void every_stored_event_carries_actor_request_correlation_and_causation() {
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where not (convert_from(meta_data, 'UTF8')::jsonb ?& array['actor', 'requestId', 'correlationId', 'causationId'])
                """, Integer.class)).isZero();
        Map<String, Object> runQueued = jdbc.queryForMap("""
                select m ->> 'actor' as actor, m ->> 'requestId' as request_id,
                       m ->> 'correlationId' as correlation_id, m ->> 'causationId' as causation_id
                from domain_event_entry
                cross join lateral (select convert_from(meta_data, 'UTF8')::jsonb as m) metadata
                where aggregate_identifier = ? and sequence_number = 0
                """, run.toString());
        assertThat(runQueued)
                .containsEntry("actor", alice.toString())
                .containsEntry("request_id", "req-alice-1")
                .containsEntry("correlation_id", "conv-onboarding")
                .containsEntry("causation_id", queueRun.getIdentifier());
        assertThat(jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 2
                """, String.class, run.toString())).isEqualTo("worker:llm-7");
    }

    @Test
    void after_a_restart_an_aggregate_loads_from_the_store_and_accepts_the_next_command() {
        send(restarted, aliceInBrowser, new RenameOrg(org, "Acme Labs"));
        send(restarted, aliceInBrowser, new ChangePlan(org, Plan.TEAM));

        assertThat(eventTypesOf(org)).containsExactly("OrgCreated", "MemberAdded", "MemberAdded", "OrgRenamed");
        assertThat(eventTypesOf(SubscriptionIds.forOrg(org)))
                .containsExactly("SubscriptionStarted", "SubscriptionActivated", "SubscriptionPlanChanged");
    }

    @Test
    void after_a_restart_a_finished_project_takes_its_next_generation() {
        send(restarted, aliceInBrowser, new RequestGeneration(project, UUID.randomUUID(), alice, "seed-2"));

        assertThat(eventTypesOf(project))
                .containsExactly(
                        "ProjectCreated",
                        "ProjectGenerationQueued",
                        "ProjectGenerationFinished",
                        "ProjectGenerationQueued");
    }

    @Test
    void a_restart_does_not_register_the_starter_patterns_again() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type = 'io.runledger.domain.pattern.PatternRegistered'",
                        Integer.class))
                .isEqualTo(5 + 1);
    }

    @Test
    void after_a_restart_the_stored_state_still_guards_the_rules() {
        assertThatThrownBy(() -> send(restarted, worker, new FailRun(run, "late failure")))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("Run " + run + " is SUCCEEDED; cannot fail it");
        assertThat(eventTypesOf(run)).hasSize(7);
    }

    @Test
    void usage_stored_before_usage_ids_still_loads_with_its_run_after_a_restart() {
        assertThat(jdbc.queryForList("""
                select (convert_from(payload, 'UTF8')::jsonb -> 'usageId') is not null from domain_event_entry
                where aggregate_identifier = ? and payload_type = 'io.runledger.domain.run.UsageRecorded'
                """, Boolean.class, run.toString()))
                .hasSize(3)
                .containsOnly(false);

        assertThatThrownBy(() -> send(restarted, worker, new RecordTokenUsage(run, UUID.randomUUID(), 10)))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("Run " + run + " is SUCCEEDED; cannot record token usage for it");
    }
}
