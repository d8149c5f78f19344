package io.runledger.command.worker;

import java.util.UUID;

public class UnknownJob extends RuntimeException {
    UnknownJob(JobKind kind, UUID jobId) {
        super("No " + kind.code + " " + jobId + " was ever queued");
    }
}
