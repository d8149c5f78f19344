package io.runledger.command.worker;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/**
 * The report's lease is not the job's current one (it expired and was taken back, or was never this one), or
 * another worker credential claimed it.
 */
public class LeaseNotHeld extends ClientProblem {
    public LeaseNotHeld(UUID jobId, UUID leaseId) {
        super(
                HttpStatus.CONFLICT,
                "lease-not-held",
                "Lease lost",
                "Lease " + leaseId + " does not hold " + jobId
                        + " for this credential (any more); stop working on it and claim again");
    }
}
