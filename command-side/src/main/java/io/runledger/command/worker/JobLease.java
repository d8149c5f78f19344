package io.runledger.command.worker;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A job as leased to one worker. */
record JobLease(
        UUID jobId,
        UUID orgId,
        UUID leaseId,
        String workerId,
        int attempt,
        Instant expiresAt,
        Map<String, Object> task) {}
