package io.runledger.projections.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.run.InputSource;
import io.runledger.domain.run.OutputProduced;
import io.runledger.domain.run.RunFailed;
import io.runledger.domain.run.RunQueued;
import io.runledger.domain.run.RunRequeued;
import io.runledger.domain.run.RunStarted;
import io.runledger.domain.run.RunStatus;
import io.runledger.domain.run.RunSucceeded;
import io.runledger.projections.ProjectorTest;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code runs} and {@code outputs} rows a run's events leave, on the read models' own tables. */
class RunProjectorTest extends ProjectorTest {

    private static final Instant QUEUED = Instant.parse("2026-11-02T09:00:00Z");

    private final RunProjector projector = new RunProjector(readModels);
    private final UUID org = UUID.randomUUID();
    private final UUID run = UUID.randomUUID();

    private RunQueued queued() {
        return queued(run);
    }

    private RunQueued queued(UUID runId) {
        return new RunQueued(
                org,
                runId,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "summarize",
                InputSource.TEXT,
                42,
                "map-reduce",
                "req-1",
                "key-" + runId);
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap(
                "select status, attempt, worker_id, started_at, finished_at, error from runs where id = ?", run);
    }

    @Test
    void a_run_that_succeeds_is_succeeded_with_its_output_and_attempt() {
        projector.on(queued(), QUEUED);
        projector.on(new RunStarted(org, run, "llm-1", 1), QUEUED.plusSeconds(5));
        UUID output = UUID.randomUUID();
        projector.on(
                new OutputProduced(
                        org, run, output, "A summary.", null, "One line", List.of("events"), Map.of("model", "m-1")),
                QUEUED.plusSeconds(20));
        projector.on(new RunSucceeded(org, run, 1), QUEUED.plusSeconds(21));

        assertThat(row())
                .containsEntry("status", "succeeded")
                .containsEntry("attempt", 1)
                .containsEntry("worker_id", "llm-1")
                .containsEntry("error", null);
        assertThat(jdbc.queryForMap(
                        "select id, content, keywords::text, metadata::text from outputs where run_id = ?", run))
                .containsEntry("id", output)
                .containsEntry("content", "A summary.")
                .containsEntry("keywords", "{events}")
                .containsEntry("metadata", "{\"model\": \"m-1\"}");
    }

    @Test
    void a_requeued_run_waits_again_without_its_worker_and_a_later_failure_keeps_the_error() {
        projector.on(queued(), QUEUED);
        projector.on(new RunStarted(org, run, "llm-1", 1), QUEUED.plusSeconds(5));
        projector.on(new RunRequeued(org, run, "lease expired", 1));

        assertThat(row())
                .containsEntry("status", "queued")
                .containsEntry("worker_id", null)
                .containsEntry("started_at", null);

        projector.on(new RunStarted(org, run, "llm-2", 2), QUEUED.plusSeconds(60));
        projector.on(new RunFailed(org, run, "model overloaded", RunStatus.PROCESSING), QUEUED.plusSeconds(61));

        assertThat(row())
                .containsEntry("status", "failed")
                .containsEntry("attempt", 2)
                .containsEntry("worker_id", "llm-2")
                .containsEntry("error", "model overloaded");
    }

    @Test
    void an_event_delivered_twice_leaves_one_row() {
        UUID output = UUID.randomUUID();
        OutputProduced produced = new OutputProduced(org, run, output, "Once.", null, "Once", List.of(), Map.of());
        projector.on(queued(), QUEUED);
        projector.on(queued(), QUEUED);
        projector.on(produced, QUEUED.plusSeconds(1));
        projector.on(produced, QUEUED.plusSeconds(1));

        assertThat(jdbc.queryForObject("select count(*) from runs where id = ?", Long.class, run))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outputs where run_id = ?", Long.class, run))
                .isEqualTo(1);
    }

    @Test
    void a_batchs_interleaved_runs_and_outputs_go_as_one_insert_per_table_each_run_in_its_final_state() {
        List<String> sent = new ArrayList<>();
        JdbcTemplate watched = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> rows) {
                String statement = sql.strip();
                sent.add(statement.substring(0, statement.indexOf('(')).strip() + " × " + rows.size());
                return super.batchUpdate(sql, rows);
            }
        };
        RunProjector batched = new RunProjector(database.readModelsWritingThrough(watched));
        List<UUID> runs = List.of(run, UUID.randomUUID(), UUID.randomUUID());

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        for (UUID each : runs) {
            batched.on(queued(each), QUEUED);
            batched.on(new RunStarted(org, each, "llm-1", 1), QUEUED.plusSeconds(1));
            batched.on(
                    new OutputProduced(org, each, UUID.randomUUID(), "Out.", null, "Out", List.of(), Map.of()),
                    QUEUED.plusSeconds(2));
        }
        batched.on(new RunSucceeded(org, run, 1), QUEUED.plusSeconds(3));
        batch.commit();

        assertThat(sent).containsExactly("insert into runs × 3", "insert into outputs × 3");
        assertThat(row()).containsEntry("status", "succeeded").containsEntry("worker_id", "llm-1");
        assertThat(jdbc.queryForList("select status from runs where id = ?", String.class, runs.get(2)))
                .containsExactly("processing");
        assertThat(jdbc.queryForObject("select count(*) from outputs where org_id = ?", Long.class, org))
                .isEqualTo(3);
    }
}
