package io.runledger.projections.run;

import java.time.Instant;

import io.runledger.domain.run.OutputProduced;
import io.runledger.domain.run.RunFailed;
import io.runledger.domain.run.RunQueued;
import io.runledger.domain.run.RunRequeued;
import io.runledger.domain.run.RunStarted;
import io.runledger.domain.run.RunStatus;
import io.runledger.domain.run.RunSucceeded;
import io.runledger.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** {@code runs} and their {@code outputs}. */
@Component
@ProcessingGroup(RunProjector.PROCESSING_GROUP)
public class RunProjector {

    public static final String PROCESSING_GROUP = "read-runs";

    private final ReadModels models;

    RunProjector(ReadModels models) {
        this.models = models;
    }

    @EventHandler
    void on(RunQueued queued, @Timestamp Instant at) {
        models.write("""
                insert into runs (id, org_id, user_id, pattern_id, input_source, input_chars, strategy, status, queued_at,
                                  request_id, idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """, queued.runId(), queued.orgId(), queued.userId(), queued.patternId(), queued.inputSource().code(),
                        queued.inputChars(), queued.strategy(), RunStatus.QUEUED.code(), ReadModels.at(at),
                        queued.requestId(), queued.idempotencyKey());
    }

    @EventHandler
    void on(RunStarted started, @Timestamp Instant at) {
        models.write("update runs set status = ?, started_at = ?, attempt = ?, worker_id = ? where id = ?",
                RunStatus.PROCESSING.code(), ReadModels.at(at), started.attempt(), started.workerId(), started.runId());
    }

    /** Back in the queue: the next start sets a new {@code started_at}. */
    @EventHandler
    void on(RunRequeued requeued) {
        models.write("update runs set status = ?, started_at = null, worker_id = null where id = ?",
                RunStatus.QUEUED.code(), requeued.runId());
    }

    @EventHandler
    void on(OutputProduced produced, @Timestamp Instant at) {
        models.write("""
                insert into outputs (id, run_id, org_id, content, content_url, summary, keywords, metadata, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (run_id, id) do nothing
                """, produced.outputId(), produced.runId(), produced.orgId(), produced.content(), produced.contentUrl(),
                        produced.summary(), produced.keywords().toArray(String[]::new), models.json(produced.metadata()),
                        ReadModels.at(at));
    }

    @EventHandler
    void on(RunSucceeded succeeded, @Timestamp Instant at) {
        finish(succeeded.runId(), RunStatus.SUCCEEDED, null, at);
    }

    @EventHandler
    void on(RunFailed failed, @Timestamp Instant at) {
        finish(failed.runId(), RunStatus.FAILED, failed.error(), at);
    }

    private void finish(Object runId, RunStatus status, String error, Instant at) {
        models.write("update runs set status = ?, error = ?, finished_at = ? where id = ?",
                status.code(), error, ReadModels.at(at), runId);
    }

    @ResetHandler
    void reset() {
        models.truncate("runs", "outputs");
    }
}
