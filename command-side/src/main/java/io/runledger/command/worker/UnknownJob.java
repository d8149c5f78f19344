package io.runledger.command.worker;

import java.util.UUID;

import io.runledger.command.problem.NotFound;

public class UnknownJob extends NotFound {
    UnknownJob(JobKind kind, UUID jobId) {
        super("No " + kind.code + " " + jobId + " was ever queued");
    }
}
