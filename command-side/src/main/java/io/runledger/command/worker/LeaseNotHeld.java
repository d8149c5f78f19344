package io.runledger.command.worker;

import java.util.UUID;

/** The report's lease is not the job's current one: it expired and was taken back, or was never this one. */
public class LeaseNotHeld extends RuntimeException {
    public LeaseNotHeld(UUID jobId, UUID leaseId) {
        super("Lease " + leaseId + " does not hold " + jobId + " (any more); stop working on it and claim again");
    }
}
