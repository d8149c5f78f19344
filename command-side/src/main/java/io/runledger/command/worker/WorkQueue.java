package io.runledger.command.worker;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.runledger.command.lookup.TransactionalLookup;
import io.runledger.domain.generation.GenerationCompleted;
import io.runledger.domain.generation.GenerationFailed;
import io.runledger.domain.generation.GenerationRequested;
import io.runledger.domain.generation.GenerationRequeued;
import io.runledger.domain.run.RunFailed;
import io.runledger.domain.run.RunQueued;
import io.runledger.domain.run.RunRequeued;
import io.runledger.domain.run.RunSucceeded;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The jobs workers take ({@code work_queue}): events put jobs in, take them back after an expired lease
 * and mark them finished, in the transaction of those events (processing group {@value #PROCESSING_GROUP}).
 * Leasing and checking rows is {@link WorkQueueLeases}'.
 */
@TransactionalLookup(processingGroup = WorkQueue.PROCESSING_GROUP)
public record WorkQueue(JdbcClient jdbc, TaskJson json, WorkProjects projects) {

    public static final String PROCESSING_GROUP = "work-queue";

    @EventHandler
    void on(RunQueued queued, @Timestamp Instant at) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("patternId", queued.patternId());
        task.put("pattern", queued.patternName());
        task.put("strategy", queued.strategy());
        task.put("inputSource", queued.inputSource().code());
        task.put("inputChars", queued.inputChars());
        enqueue(JobKind.RUN, queued.runId(), queued.orgId(), at, task);
    }

    /** A generation renders the project as it was when requested, whatever edits come later. */
    @EventHandler
    void on(GenerationRequested requested, @Timestamp Instant at) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("projectId", requested.projectId());
        task.put("seed", requested.seed());
        task.put("generationNumber", requested.generationNumber());
        task.put("project", projects.details(requested.projectId()).orElse(null));
        enqueue(JobKind.GENERATION, requested.generationId(), requested.orgId(), at, task);
    }

    @EventHandler
    void on(RunRequeued requeued) {
        takeBack(requeued.runId());
    }

    @EventHandler
    void on(GenerationRequeued requeued) {
        takeBack(requeued.generationId());
    }

    @EventHandler
    void on(RunSucceeded succeeded) {
        finish(succeeded.runId());
    }

    @EventHandler
    void on(RunFailed failed) {
        finish(failed.runId());
    }

    @EventHandler
    void on(GenerationCompleted completed) {
        finish(completed.generationId());
    }

    @EventHandler
    void on(GenerationFailed failed) {
        finish(failed.generationId());
    }

    private void enqueue(JobKind kind, UUID jobId, UUID orgId, Instant queuedAt, Map<String, Object> task) {
        jdbc.sql("""
                insert into work_queue (job_id, kind, org_id, queued_at, state, task)
                values (?, ?, ?, ?, 'waiting', ?::jsonb)
                """)
                .params(jobId, kind.code, orgId, queuedAt.atOffset(ZoneOffset.UTC), json.write(task))
                .update();
    }

    private void takeBack(UUID jobId) {
        jdbc.sql("""
                update work_queue
                set state = 'waiting', lease_id = null, credential = null, worker_id = null, lease_expires_at = null
                where job_id = ?
                """).param(jobId).update();
    }

    private void finish(UUID jobId) {
        jdbc.sql("update work_queue set state = 'finished', lease_expires_at = null where job_id = ?")
                .param(jobId)
                .update();
    }
}
