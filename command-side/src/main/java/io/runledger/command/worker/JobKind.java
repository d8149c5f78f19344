package io.runledger.command.worker;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import io.runledger.domain.generation.FailGeneration;
import io.runledger.domain.generation.RequeueGeneration;
import io.runledger.domain.generation.StartAudioAnalysis;
import io.runledger.domain.run.FailRun;
import io.runledger.domain.run.RequeueRun;
import io.runledger.domain.run.StartRun;

/** The two kinds of job workers take, and the commands that start, requeue and give up on each. */
enum JobKind {
    RUN("run", "runs", StartRun::new, RequeueRun::new, FailRun::new),
    // a render worker's first step is the audio analysis
    GENERATION("generation", "generations", StartAudioAnalysis::new, RequeueGeneration::new, FailGeneration::new);

    final String code;
    /** Its segment in {@code /v1/worker/{path}/…}. */
    final String path;

    private final BiFunction<UUID, String, Object> start;
    private final BiFunction<UUID, String, Object> requeue;
    private final BiFunction<UUID, String, Object> fail;

    JobKind(
            String code,
            String path,
            BiFunction<UUID, String, Object> start,
            BiFunction<UUID, String, Object> requeue,
            BiFunction<UUID, String, Object> fail) {
        this.code = code;
        this.path = path;
        this.start = start;
        this.requeue = requeue;
        this.fail = fail;
    }

    static Optional<JobKind> atPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }

    Object start(UUID jobId, String workerId) {
        return start.apply(jobId, workerId);
    }

    Object requeue(UUID jobId, String reason) {
        return requeue.apply(jobId, reason);
    }

    Object fail(UUID jobId, String error) {
        return fail.apply(jobId, error);
    }
}
