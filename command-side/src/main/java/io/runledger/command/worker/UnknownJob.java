package io.runledger.command.worker;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

public class UnknownJob extends ClientProblem {
    UnknownJob(JobKind kind, UUID jobId) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + kind.code + " " + jobId + " was ever queued");
    }
}
