package io.runledger.projections.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.runledger.domain.org.OrgErased;
import io.runledger.domain.run.OutputProduced;
import io.runledger.domain.run.RunFailed;
import io.runledger.domain.run.RunQueued;
import io.runledger.domain.run.RunRequeued;
import io.runledger.domain.run.RunStarted;
import io.runledger.domain.run.RunStatus;
import io.runledger.domain.run.RunSucceeded;
import io.runledger.domain.shared.DataSubject;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/** {@code runs} and their {@code outputs}. */
@ReadModelProjector(processingGroup = ReadModelProcessors.RUNS)
public record RunProjector(ReadModels models) {

    /** A run as its queuing inserts it; the batch's later events of the run change it before it is sent. */
    private static final String INSERT = """
            insert into runs (id, org_id, user_id, pattern_id, input_source, input_chars, strategy, status, queued_at,
                              request_id, idempotency_key, started_at, attempt, worker_id, error, finished_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do nothing
            """;

    private static final int STATUS = 7;
    private static final int STARTED_AT = 11;
    private static final int ATTEMPT = 12;
    private static final int WORKER_ID = 13;
    private static final int ERROR = 14;
    private static final int FINISHED_AT = 15;

    private static List<Object> kept(Object runId) {
        return List.of("runs", runId);
    }

    @EventHandler
    void on(RunQueued queued, @Timestamp Instant at) {
        models.insertChangeable(
                kept(queued.runId()),
                INSERT,
                queued.runId(),
                queued.orgId(),
                queued.userId(),
                queued.patternId(),
                queued.inputSource().code(),
                queued.inputChars(),
                queued.strategy(),
                RunStatus.QUEUED.code(),
                ReadModels.at(at),
                queued.requestId(),
                queued.idempotencyKey(),
                null,
                0,
                null,
                null,
                null);
    }

    @EventHandler
    void on(RunStarted started, @Timestamp Instant at) {
        boolean kept = models.changeKept(kept(started.runId()), run -> {
            run[STATUS] = RunStatus.PROCESSING.code();
            run[STARTED_AT] = ReadModels.at(at);
            run[ATTEMPT] = started.attempt();
            run[WORKER_ID] = started.workerId();
        });
        if (!kept) {
            models.write(
                    "update runs set status = ?, started_at = ?, attempt = ?, worker_id = ? where id = ?",
                    RunStatus.PROCESSING.code(),
                    ReadModels.at(at),
                    started.attempt(),
                    started.workerId(),
                    started.runId());
        }
    }

    /** Back in the queue: the next start sets a new {@code started_at}. */
    @EventHandler
    void on(RunRequeued requeued) {
        boolean kept = models.changeKept(kept(requeued.runId()), run -> {
            run[STATUS] = RunStatus.QUEUED.code();
            run[STARTED_AT] = null;
            run[WORKER_ID] = null;
        });
        if (!kept) {
            models.write(
                    "update runs set status = ?, started_at = null, worker_id = null where id = ?",
                    RunStatus.QUEUED.code(),
                    requeued.runId());
        }
    }

    @EventHandler
    void on(OutputProduced produced, @Timestamp Instant at) {
        models.write(
                """
                insert into outputs (id, run_id, org_id, content, content_url, summary, keywords, metadata, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (run_id, id) do nothing
                """,
                produced.outputId(),
                produced.runId(),
                produced.orgId(),
                produced.content(),
                produced.contentUrl(),
                produced.summary(),
                produced.keywords().toArray(String[]::new),
                models.json(produced.metadata()),
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
        boolean kept = models.changeKept(kept(runId), run -> {
            run[STATUS] = status.code();
            run[ERROR] = error;
            run[FINISHED_AT] = ReadModels.at(at);
        });
        if (!kept) {
            models.write(
                    "update runs set status = ?, error = ?, finished_at = ? where id = ?",
                    status.code(),
                    error,
                    ReadModels.at(at),
                    runId);
        }
    }

    /** The org's run errors and output texts read, as a replay after its key was destroyed gives them, as the placeholder. */
    @EventHandler
    void on(OrgErased erased) {
        UUID orgId = erased.orgId();
        String placeholder = DataSubject.org(orgId).placeholder();
        models.write("update runs set error = ? where org_id = ? and error is not null", placeholder, orgId);
        models.write("""
                update outputs set content = case when content is null then null else ? end,
                                   content_url = case when content_url is null then null else ? end,
                                   summary = case when summary is null then null else ? end,
                                   keywords = '{}', metadata = '{}'
                where org_id = ?
                """, placeholder, placeholder, placeholder, orgId);
    }
}
