package io.runledger.command.worker;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.shared.InvalidCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worker protocol's rules: a claim leases the next job to the calling credential and starts it in one
 * transaction; a report is sent only by that credential while its lease holds the job, and extends the
 * lease, since a report is a sign of life.
 */
@Component
record JobLeases(
        WorkQueueLeases queue, CommandGateway commands, WorkerProperties properties, TransactionTemplate transactions) {

    /** What a worker gets with a claim: the job, its lease, and everything needed to do the work. */
    record ClaimedJob(
            UUID id,
            UUID orgId,
            UUID leaseId,
            String workerId,
            int attempt,
            Instant leaseExpiresAt,
            Map<String, Object> task) {}

    /** A lease as it stands after a report. */
    record LeaseView(UUID id, UUID leaseId, int attempt, Instant leaseExpiresAt) {}

    /** @param workerId the worker instance, recorded in the start event; the credential's name when omitted */
    Optional<ClaimedJob> claim(JobKind kind, String workerId) {
        String credential = credentialName();
        String worker = workerId == null || workerId.isBlank() ? credential : workerId;
        return transactions.execute(transaction ->
                queue.lease(kind, credential, worker, properties.lease()).map(lease -> start(kind, lease, worker)));
    }

    private ClaimedJob start(JobKind kind, JobLease lease, String worker) {
        commands.sendAndWait(kind.start(lease.jobId(), worker));
        if (kind == JobKind.RUN) {
            queue.runInput(lease.jobId()).ifPresent(input -> lease.task().put("input", input));
        }
        return new ClaimedJob(
                lease.jobId(),
                lease.orgId(),
                lease.leaseId(),
                worker,
                lease.attempt(),
                lease.expiresAt(),
                lease.task());
    }

    /** Keeps the job with its worker for another lease period. */
    LeaseView heartbeat(JobKind kind, UUID jobId, UUID leaseId) {
        return transactions.execute(transaction -> {
            WorkQueueLeases.Report report = lockAndExtend(kind, jobId, leaseId);
            JobLease lease = report.extended().orElseThrow(() -> refusal(kind, jobId, leaseId, report.standing()));
            return new LeaseView(jobId, leaseId, lease.attempt(), lease.expiresAt());
        });
    }

    /**
     * Sends the worker's command if its lease holds the job. The last report of a finished job may be
     * retried under the same lease: the aggregate answers a repeat without a new event.
     */
    void report(JobKind kind, UUID jobId, UUID leaseId, Object command) {
        transactions.executeWithoutResult(transaction -> {
            LeaseStanding standing = lockAndExtend(kind, jobId, leaseId).standing();
            if (standing != LeaseStanding.HELD && standing != LeaseStanding.FINISHED) {
                throw refusal(kind, jobId, leaseId, standing);
            }
            commands.sendAndWait(command);
        });
    }

    private WorkQueueLeases.Report lockAndExtend(JobKind kind, UUID jobId, UUID leaseId) {
        return queue.lockAndExtend(kind, jobId, requireLease(leaseId), credentialName(), properties.lease());
    }

    private static RuntimeException refusal(JobKind kind, UUID jobId, UUID leaseId, LeaseStanding standing) {
        return switch (standing) {
            case UNKNOWN -> new UnknownJob(kind, jobId);
            case EXPIRED -> new LeaseExpired(jobId, leaseId);
            default -> new LeaseNotHeld(jobId, leaseId);
        };
    }

    private static UUID requireLease(UUID leaseId) {
        if (leaseId == null) {
            throw new InvalidCommand("leaseId is required: send the one the claim returned");
        }
        return leaseId;
    }

    private static String credentialName() {
        return CallerContext.current()
                .map(Caller::actor)
                .map(actor -> actor.substring(Caller.WORKER_PREFIX.length()))
                .orElseThrow(() -> new IllegalStateException("No worker is bound to this request"));
    }
}
