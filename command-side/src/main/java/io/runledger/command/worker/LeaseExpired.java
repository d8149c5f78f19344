package io.runledger.command.worker;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** The lease's deadline passed before the report came; the job goes back to the queue. */
public class LeaseExpired extends ClientProblem {
    public LeaseExpired(UUID jobId, UUID leaseId) {
        super(
                HttpStatus.CONFLICT,
                "lease-expired",
                "Lease lost",
                "Lease " + leaseId + " on " + jobId + " expired; heartbeat before the deadline to keep a job");
    }
}
