package io.runledger.command.worker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases on the jobs of {@code work_queue}: claims and reports lease and check rows under row locks.
 * Deadlines are the database's clock, which every instance shares.
 */
@Component
record WorkQueueLeases(JdbcClient jdbc, TaskJson json) {

    record Expired(UUID jobId, JobKind kind, String workerId, int attempts) {}

    /**
     * Leases the next waiting job of a kind, fairly across orgs: a job's turn is the number of its org's
     * jobs held by workers plus its place in its org's waiting line, and the lowest turn goes first, the
     * oldest among equals. An org with a thousand jobs queued cannot starve one with a single job. Rows
     * another claim is leasing are skipped, not waited for, so two claims never get the same job.
     */
    Optional<JobLease> lease(JobKind kind, String credential, String workerId, Duration duration) {
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
                .param("kind", kind.code)
                .param("leaseId", UUID.randomUUID())
                .param("credential", credential)
                .param("workerId", workerId)
                .param("millis", duration.toMillis())
                .query(this::lease)
                .optional();
    }

    /** Where a report found its job, and the lease as extended when it was {@link LeaseStanding#HELD}. */
    record Report(LeaseStanding standing, Optional<JobLease> extended) {}

    /**
     * Locks the job's row for the rest of the transaction, says where it stands for this lease reported by
     * {@code credential} (a lease another credential claimed is not held by this one, whatever its state) and,
     * if the lease holds the job, gives it another {@code duration} from now: one statement, so a report costs
     * one round trip before its command.
     */
    Report lockAndExtend(JobKind kind, UUID jobId, UUID leaseId, String credential, Duration duration) {
        return jdbc.sql("""
                with job as (
                    select job_id, case
                        when lease_id = :leaseId and credential <> :credential then 'TAKEN_BACK'
                        when state = 'finished' then case when lease_id = :leaseId then 'FINISHED' else 'TAKEN_BACK' end
                        when state <> 'leased' or lease_id <> :leaseId then 'TAKEN_BACK'
                        when lease_expires_at <= now() then 'EXPIRED'
                        else 'HELD' end as standing
                    from work_queue where job_id = :jobId and kind = :kind
                    for update
                ), extended as (
                    update work_queue q set lease_expires_at = now() + :millis * interval '1 millisecond'
                    from job where q.job_id = job.job_id and job.standing = 'HELD'
                    returning q.job_id, q.org_id, q.lease_id, q.worker_id, q.attempts, q.lease_expires_at, q.task::text
                )
                select job.standing, extended.* from job left join extended on true
                """)
                .param("leaseId", leaseId)
                .param("jobId", jobId)
                .param("kind", kind.code)
                .param("credential", credential)
                .param("millis", duration.toMillis())
                .query((rs, row) -> new Report(
                        LeaseStanding.valueOf(rs.getString("standing")),
                        rs.getObject("job_id") == null ? Optional.empty() : Optional.of(lease(rs, row))))
                .optional()
                .orElse(new Report(LeaseStanding.UNKNOWN, Optional.empty()));
    }

    /** The oldest lease past its deadline, locked; one another instance is expiring is skipped. */
    Optional<Expired> lockNextExpired() {
        return jdbc.sql("""
                select job_id, kind, worker_id, attempts from work_queue
                where state = 'leased' and lease_expires_at <= now()
                order by lease_expires_at limit 1
                for update skip locked
                """)
                .query((rs, row) -> new Expired(
                        rs.getObject("job_id", UUID.class),
                        rs.getString("kind").equals(JobKind.RUN.code) ? JobKind.RUN : JobKind.GENERATION,
                        rs.getString("worker_id"),
                        rs.getInt("attempts")))
                .optional();
    }

    /** The text a run works on; kept beside the event log rather than in it. */
    Optional<String> runInput(UUID runId) {
        return jdbc.sql("select content from run_inputs where run_id = ?")
                .param(runId)
                .query(String.class)
                .optional();
    }

    private JobLease lease(ResultSet rs, int row) throws SQLException {
        return new JobLease(
                rs.getObject("job_id", UUID.class),
                rs.getObject("org_id", UUID.class),
                rs.getObject("lease_id", UUID.class),
                rs.getString("worker_id"),
                rs.getInt("attempts"),
                rs.getObject("lease_expires_at", OffsetDateTime.class).toInstant(),
                json.read(rs.getString("task")));
    }
}
