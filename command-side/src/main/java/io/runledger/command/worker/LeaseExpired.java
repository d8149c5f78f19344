package io.runledger.command.worker;

import java.util.UUID;

/** The lease's deadline passed before the report came; the job goes back to the queue. */
public class LeaseExpired extends RuntimeException {
    public LeaseExpired(UUID jobId, UUID leaseId) {
        super("Lease " + leaseId + " on " + jobId + " expired; heartbeat before the deadline to keep a job");
    }
}
