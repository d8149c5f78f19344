package io.runledger.command.worker;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes jobs back from workers whose lease ran out: requeued for another attempt, or failed once
 * {@code runledger.worker.max-attempts} leases have expired. The deadlines are rows, so they survive
 * restarts; every instance sweeps, and row locks let each expired lease be handled by exactly one.
 */
@Component
public record LeaseExpiry(
        WorkQueueLeases queue, CommandGateway commands, TransactionTemplate transactions, WorkerProperties properties) {

    /** Bounds one sweep, so a flood of expiries cannot hold the scheduler thread for long. */
    private static final int MAX_PER_SWEEP = 500;

    @Scheduled(
            fixedDelayString = "${runledger.worker.sweep-interval:5s}",
            initialDelayString = "${runledger.worker.sweep-interval:5s}")
    void sweep() {
        expireDue();
    }

    /** @return how many expired leases were handled */
    public int expireDue() {
        return CallerContext.callAs(Caller.system(), () -> {
            int handled = 0;
            while (handled < MAX_PER_SWEEP && Boolean.TRUE.equals(transactions.execute(status -> expireNext()))) {
                handled++;
            }
            return handled;
        });
    }

    /** One expiry per transaction: the row stays locked until the command's events are stored. */
    private boolean expireNext() {
        return queue.lockNextExpired()
                .map(expired -> {
                    int maxAttempts = properties.maxAttempts();
                    String lapse = "the lease of worker %s expired (attempt %d of %d)"
                            .formatted(expired.workerId(), expired.attempts(), maxAttempts);
                    commands.sendAndWait(
                            expired.attempts() >= maxAttempts
                                    ? expired.kind().fail(expired.jobId(), "Gave up: " + lapse)
                                    : expired.kind().requeue(expired.jobId(), "Requeued: " + lapse));
                    return true;
                })
                .orElse(false);
    }
}
