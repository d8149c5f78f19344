package io.runledger.command.worker;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which org a run or generation belongs to, as {@code work_queue} keeps it from the first event on. */
@Component
public record OrgJobs(JdbcClient jdbc) {

    /** Whether the org has the run; its row is written in the transaction of {@code RunQueued} and kept. */
    public boolean holdsRun(UUID orgId, UUID runId) {
        return holds(JobKind.RUN, orgId, runId);
    }

    /** Whether the org has the generation; its row is written in the transaction of {@code GenerationRequested}. */
    public boolean holdsGeneration(UUID orgId, UUID generationId) {
        return holds(JobKind.GENERATION, orgId, generationId);
    }

    private boolean holds(JobKind kind, UUID orgId, UUID jobId) {
        return jdbc.sql("select exists (select 1 from work_queue where job_id = ? and org_id = ? and kind = ?)")
                .params(jobId, orgId, kind.code)
                .query(Boolean.class)
                .single();
    }
}
