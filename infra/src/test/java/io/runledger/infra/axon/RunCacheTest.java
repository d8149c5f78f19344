package io.runledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.run.FailRun;
import io.runledger.domain.run.InputSource;
import io.runledger.domain.run.ProduceOutput;
import io.runledger.domain.run.QueueRun;
import io.runledger.domain.run.RecordTokenUsage;
import io.runledger.domain.run.Run;
import io.runledger.domain.run.RunHasNoOutput;
import io.runledger.domain.run.StartRun;
import io.runledger.domain.run.SucceedRun;
import io.runledger.domain.shared.IllegalTransition;
import io.runledger.infra.testing.EventHistories;
import io.runledger.infra.testing.FreshDatabaseInitializer;
import io.runledger.infra.testing.RunningRunledger;
import io.runledger.infra.testing.TestDatabases;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** Runs are cached between their commands only where one instance handles all of them. */
class RunCacheTest {

    @Test
    void instances_sharing_an_external_database_each_see_the_others_commands_on_a_run() {
        Map<String, Object> sharedDatabase = FreshDatabaseInitializer.databaseProperties(TestDatabases.createFresh());
        try (RunningRunledger first = RunningRunledger.start(instance(sharedDatabase, "first"));
                RunningRunledger second = RunningRunledger.start(instance(sharedDatabase, "second"))) {
            assertThat(runRepositoryOf(first)).isNotInstanceOf(CachingEventSourcingRepository.class);
            UUID run = startedRun(first);
            UUID output = UUID.randomUUID();
            second.commands().sendAndWait(output(run, output));

            // the first instance knows of the output the second one added: the run may succeed
            first.commands().sendAndWait(new SucceedRun(run));
            first.commands().sendAndWait(output(run, output));

            assertThat(eventTypes(first, run))
                    .containsExactly(
                            "RunQueued",
                            "UsageRecorded",
                            "RunStarted",
                            "OutputProduced",
                            "RunSucceeded",
                            "UsageRecorded");
        }
    }

    @Test
    void a_cached_run_goes_through_its_lifecycle_and_a_stale_one_cannot_append() {
        Map<String, Object> sharedDatabase = FreshDatabaseInitializer.databaseProperties(TestDatabases.createFresh());
        Map<String, Object> cached = instance(sharedDatabase, "cached");
        cached.put("runledger.run-cache.enabled", true);
        try (RunningRunledger instance = RunningRunledger.start(cached);
                RunningRunledger other = RunningRunledger.start(instance(sharedDatabase, "other"))) {
            assertThat(runRepositoryOf(instance)).isInstanceOf(CachingEventSourcingRepository.class);
            UUID run = startedRun(instance);
            UUID output = UUID.randomUUID();
            assertThatThrownBy(() -> instance.commands().sendAndWait(new SucceedRun(run)))
                    .isInstanceOf(RunHasNoOutput.class);
            // a refused command leaves the cache; the worker's retried start caches the run again
            instance.commands().sendAndWait(new StartRun(run, "worker-1"));

            // a second writer, which a cache must not have: the cached run is stale, its append loses the race
            other.commands().sendAndWait(output(run, output));
            UUID usage = UUID.randomUUID();
            assertThatThrownBy(() -> instance.commands().sendAndWait(new RecordTokenUsage(run, usage, 1200)))
                    .isInstanceOf(ConcurrencyException.class);
            // and is dropped from the cache: the same command then reads the run afresh
            instance.commands().sendAndWait(new RecordTokenUsage(run, usage, 1200));
            instance.commands().sendAndWait(new SucceedRun(run));
            // the worker's retries are recognised from the cached state, and a finished run stays finished
            instance.commands().sendAndWait(new SucceedRun(run));
            instance.commands().sendAndWait(output(run, output));
            assertThatThrownBy(() -> instance.commands().sendAndWait(new FailRun(run, "too late")))
                    .isInstanceOf(IllegalTransition.class);

            assertThat(eventTypes(instance, run)).containsExactlyElementsOf(EventHistories.SUCCEEDED_RUN);
        }
    }

    /** A run queued and started by worker-1 through {@code instance}: its id. */
    private static UUID startedRun(RunningRunledger instance) {
        UUID org = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        instance.commands()
                .sendAndWait(new QueueRun(
                        org,
                        run,
                        org,
                        UUID.randomUUID(),
                        "summarize",
                        InputSource.TEXT,
                        1200,
                        "map-reduce",
                        "req",
                        null));
        instance.commands().sendAndWait(new StartRun(run, "worker-1"));
        return run;
    }

    private static ProduceOutput output(UUID run, UUID output) {
        return new ProduceOutput(run, output, "output", null, "summary", List.of(), Map.of());
    }

    private static Object runRepositoryOf(RunningRunledger instance) {
        return instance.bean(Configuration.class).repository(Run.class);
    }

    private static List<String> eventTypes(RunningRunledger instance, UUID run) {
        return instance
                .jdbc()
                .queryForList(
                        "select payload_type from domain_event_entry where aggregate_identifier = ?"
                                + " order by sequence_number",
                        String.class,
                        run.toString())
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    private static Map<String, Object> instance(Map<String, Object> sharedDatabase, String id) {
        Map<String, Object> properties = new HashMap<>(sharedDatabase);
        properties.put("runledger.instance-id", id);
        return properties;
    }
}
