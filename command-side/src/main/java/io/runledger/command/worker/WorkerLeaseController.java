package io.runledger.command.worker;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Claims and heartbeats, alike for runs ({@code /v1/worker/runs}) and generations ({@code /v1/worker/generations}). */
@RestController
@RequestMapping("/v1/worker/{kind:runs|generations}")
record WorkerLeaseController(JobLeases leases) {

    /** @param workerId the worker instance, recorded in the start event; the credential's name when omitted */
    record Claim(@Schema(example = "llm-1") String workerId) {}

    /**
     * 200 with the job, its lease and its task (a run's pattern and input, a generation's project details);
     * 204 when nothing is waiting. The claim starts the job.
     */
    @Operation(operationId = "claimJob")
    @ApiResponse(
            responseCode = "200",
            description = "The claimed job and its lease",
            content = @Content(schema = @Schema(implementation = JobLeases.ClaimedJob.class)))
    @ApiResponse(responseCode = "204", description = "Nothing to claim")
    @PostMapping("/claim")
    ResponseEntity<JobLeases.ClaimedJob> claim(@PathVariable String kind, @RequestBody(required = false) Claim claim) {
        return leases.claim(kindAt(kind), claim == null ? null : claim.workerId())
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(operationId = "extendLease")
    @PostMapping("/{jobId}/heartbeat")
    JobLeases.LeaseView heartbeat(
            @PathVariable String kind, @PathVariable UUID jobId, @RequestBody LeaseReport report) {
        return leases.heartbeat(kindAt(kind), jobId, report.leaseId());
    }

    private static JobKind kindAt(String path) {
        // the mapping's pattern admits only the kinds' paths
        return JobKind.atPath(path).orElseThrow();
    }
}
