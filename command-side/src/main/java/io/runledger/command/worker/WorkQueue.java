package io.runledger.command.worker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.domain.generation.GenerationCompleted;
import io.runledger.domain.generation.GenerationFailed;
import io.runledger.domain.generation.GenerationRequested;
import io.runledger.domain.generation.GenerationRequeued;
import io.runledger.domain.project.ProjectCreated;
import io.runledger.domain.project.ProjectDetails;
import io.runledger.domain.project.ProjectUpdated;
import io.runledger.domain.run.RunFailed;
import io.runledger.domain.run.RunQueued;
import io.runledger.domain.run.RunRequeued;
import io.runledger.domain.run.RunSucceeded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The jobs workers take ({@code work_queue}) and their leases. Events put jobs in, take them back after an
 * expired lease and mark them finished, in the transaction of those events (processing group
 * {@value #PROCESSING_GROUP}); claims and reports lease and check rows under row locks. Deadlines are
 * the database's clock, which every instance shares.
 */
@Component
@ProcessingGroup(WorkQueue.PROCESSING_GROUP)
public class WorkQueue {

    public static final String PROCESSING_GROUP = "work-queue";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    WorkQueue(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A job as leased to one worker. */
    record Lease(UUID jobId, UUID orgId, UUID leaseId, String workerId, int attempt, Instant expiresAt,
                 Map<String, Object> task) {
    }

    /** Where a job stands for a worker that reports on it under {@code leaseId}. */
    enum Standing { HELD, EXPIRED, TAKEN_BACK, FINISHED, UNKNOWN }

    record Expired(UUID jobId, JobKind kind, String workerId, int attempts) {
    }

    @EventHandler
    void on(RunQueued queued, @Timestamp Instant at) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("patternId", queued.patternId());
        task.put("pattern", jdbc.sql("select name from catalog_patterns where pattern_id = ?")
                .param(queued.patternId()).query(String.class).optional().orElse(null));
        task.put("strategy", queued.strategy());
        task.put("inputSource", queued.inputSource().code());
        task.put("inputChars", queued.inputChars());
        enqueue(JobKind.RUN, queued.runId(), queued.orgId(), at, task);
    }

    @EventHandler
    void on(ProjectCreated created) {
        keepDetails(created.projectId(), created.details());
    }

    @EventHandler
    void on(ProjectUpdated updated) {
        keepDetails(updated.projectId(), updated.details());
    }

    /** A generation renders the project as it was when requested, whatever edits come later. */
    @EventHandler
    void on(GenerationRequested requested, @Timestamp Instant at) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("projectId", requested.projectId());
        task.put("seed", requested.seed());
        task.put("generationNumber", requested.generationNumber());
        task.put("project", jdbc.sql("select details::text from work_projects where project_id = ?")
                .param(requested.projectId()).query(String.class).optional().map(this::read).orElse(null));
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

    /**
     * Leases the next waiting job of a kind, fairly across orgs: a job's turn is the number of its org's
     * jobs held by workers plus its place in its org's waiting line, and the lowest turn goes first, the
     * oldest among equals. An org with a thousand jobs queued cannot starve one with a single job. Rows
     * another claim is leasing are skipped, not waited for, so two claims never get the same job.
     */
    Optional<Lease> lease(JobKind kind, String credential, String workerId, Duration duration) {
        return jdbc.sql("""
                with held as (
                    select org_id, count(*) as jobs from work_queue where kind = :kind and state = 'leased' group by org_id
                ), waiting as (
                    select w.job_id, w.queued_at,
                           coalesce(held.jobs, 0) + row_number() over (partition by w.org_id order by w.queued_at, w.job_id) as turn
                    from work_queue w left join held on held.org_id = w.org_id
                    where w.kind = :kind and w.state = 'waiting'
                ), next as (
                    select q.job_id from work_queue q join waiting w on w.job_id = q.job_id
                    where q.state = 'waiting'
                    order by w.turn, w.queued_at, q.job_id
                    limit 1
                    for update of q skip locked
                )
                update work_queue q
                set state = 'leased', lease_id = :leaseId, credential = :credential, worker_id = :workerId,
                    attempts = q.attempts + 1,
                    lease_expires_at = now() + :millis * interval '1 millisecond'
                from next where q.job_id = next.job_id
                returning q.job_id, q.org_id, q.lease_id, q.worker_id, q.attempts, q.lease_expires_at, q.task::text
                """)
                .param("kind", kind.code).param("leaseId", UUID.randomUUID()).param("credential", credential)
                .param("workerId", workerId)
                .param("millis", duration.toMillis())
                .query(this::lease).optional();
    }

    /**
     * Locks the job's row for the rest of the transaction and says where it stands for this lease reported
     * by {@code credential}: a lease another credential claimed is not held by this one, whatever its state.
     */
    Standing lockForReport(JobKind kind, UUID jobId, UUID leaseId, String credential) {
        return jdbc.sql("""
                select case
                    when lease_id = :leaseId and credential <> :credential then 'TAKEN_BACK'
                    when state = 'finished' then case when lease_id = :leaseId then 'FINISHED' else 'TAKEN_BACK' end
                    when state <> 'leased' or lease_id <> :leaseId then 'TAKEN_BACK'
                    when lease_expires_at <= now() then 'EXPIRED'
                    else 'HELD' end
                from work_queue where job_id = :jobId and kind = :kind
                for update
                """)
                .param("leaseId", leaseId).param("jobId", jobId).param("kind", kind.code).param("credential", credential)
                .query(String.class).optional().map(Standing::valueOf).orElse(Standing.UNKNOWN);
    }

    /** Gives a held lease another {@code duration} from now; a lease no longer held is left alone. */
    Optional<Lease> extend(UUID jobId, UUID leaseId, Duration duration) {
        return jdbc.sql("""
                update work_queue set lease_expires_at = now() + :millis * interval '1 millisecond'
                where job_id = :jobId and lease_id = :leaseId and state = 'leased'
                returning job_id, org_id, lease_id, worker_id, attempts, lease_expires_at, task::text
                """)
                .param("millis", duration.toMillis()).param("jobId", jobId).param("leaseId", leaseId)
                .query(this::lease).optional();
    }

    /** The oldest lease past its deadline, locked; one another instance is expiring is skipped. */
    Optional<Expired> lockNextExpired() {
        return jdbc.sql("""
                select job_id, kind, worker_id, attempts from work_queue
                where state = 'leased' and lease_expires_at <= now()
                order by lease_expires_at limit 1
                for update skip locked
                """)
                .query((rs, row) -> new Expired(rs.getObject("job_id", UUID.class),
                        rs.getString("kind").equals(JobKind.RUN.code) ? JobKind.RUN : JobKind.GENERATION,
                        rs.getString("worker_id"), rs.getInt("attempts")))
                .optional();
    }

    /** Whether the org has the run; its row is written in the transaction of {@code RunQueued} and kept. */
    public boolean holdsRun(UUID orgId, UUID runId) {
        return holds(JobKind.RUN, orgId, runId);
    }

    /** Whether the org has the generation; its row is written in the transaction of {@code GenerationRequested}. */
    public boolean holdsGeneration(UUID orgId, UUID generationId) {
        return holds(JobKind.GENERATION, orgId, generationId);
    }

    private boolean holds(JobKind kind, UUID orgId, UUID jobId) {
        return jdbc.sql("select exists (select 1 from work_queue where job_id = ? and org_id = ? and kind = ?)")
                .params(jobId, orgId, kind.code).query(Boolean.class).single();
    }

    /** The text a run works on; kept beside the event log rather than in it. */
    Optional<String> runInput(UUID runId) {
        return jdbc.sql("select content from run_inputs where run_id = ?").param(runId).query(String.class).optional();
    }

    private void enqueue(JobKind kind, UUID jobId, UUID orgId, Instant queuedAt, Map<String, Object> task) {
        jdbc.sql("""
                insert into work_queue (job_id, kind, org_id, queued_at, state, task)
                values (?, ?, ?, ?, 'waiting', ?::jsonb)
                """)
                .params(jobId, kind.code, orgId, queuedAt.atOffset(ZoneOffset.UTC), write(task)).update();
    }

    private void takeBack(UUID jobId) {
        jdbc.sql("""
                update work_queue
                set state = 'waiting', lease_id = null, credential = null, worker_id = null, lease_expires_at = null
                where job_id = ?
                """).param(jobId).update();
    }

    private void finish(UUID jobId) {
        jdbc.sql("update work_queue set state = 'finished', lease_expires_at = null where job_id = ?").param(jobId).update();
    }

    private void keepDetails(UUID projectId, ProjectDetails details) {
        jdbc.sql("""
                insert into work_projects (project_id, details) values (?, ?::jsonb)
                on conflict (project_id) do update set details = excluded.details
                """).params(projectId, write(details)).update();
    }

    private Lease lease(ResultSet rs, int row) throws SQLException {
        return new Lease(rs.getObject("job_id", UUID.class), rs.getObject("org_id", UUID.class),
                rs.getObject("lease_id", UUID.class), rs.getString("worker_id"), rs.getInt("attempts"),
                rs.getObject("lease_expires_at", OffsetDateTime.class).toInstant(), read(rs.getString("task")));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException notJson) {
            throw new IllegalStateException("Cannot store " + value + " as JSON", notJson);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, JSON_OBJECT);
        } catch (JsonProcessingException notJson) {
            throw new IllegalStateException("work_queue holds JSON that is not an object: " + value, notJson);
        }
    }
}
