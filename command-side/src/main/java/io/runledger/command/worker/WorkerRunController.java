package io.runledger.command.worker;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.run.FailRun;
import io.runledger.domain.run.ProduceOutput;
import io.runledger.domain.run.RecordTokenUsage;
import io.runledger.domain.run.SucceedRun;
import io.runledger.domain.run.UsageMeter;
import io.runledger.domain.shared.InvalidCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/worker/runs}: the LLM workers' reports on a run, under the lease its claim took ({@link WorkerLeaseController}). */
@RestController
@RequestMapping("/v1/worker/runs")
record WorkerRunController(JobLeases leases, WorkerProperties properties) {

    /** @param outputId chosen by the worker, so a retried delivery is recognised; a new one when omitted */
    record Output(
            @Schema(requiredMode = REQUIRED) UUID leaseId,
            UUID outputId,

            @Schema(example = "The talk argues that small teams ship faster when they own their deploys.")
            String content,

            String contentUrl,

            @Schema(example = "Small teams ship faster when they own their deploys")
            String summary,

            List<String> keywords,
            Map<String, Object> metadata) {}

    /**
     * @param usageId chosen by the worker, so a retried report is recognised (the same body again answers as the
     *                first did, another body under it is 409 {@code usage-id-reused}); without one every report
     *                is billed anew, so it is not safe to retry
     * @param meter   {@code tokens.used}, the only meter a worker reports
     */
    record UsageReport(
            @Schema(requiredMode = REQUIRED) UUID leaseId,
            UUID usageId,
            @Schema(example = "tokens.used") String meter,

            @Schema(requiredMode = REQUIRED, example = "1200")
            long quantity) {}

    record RunFailure(
            @Schema(requiredMode = REQUIRED) UUID leaseId,

            @Schema(requiredMode = REQUIRED, example = "model overloaded")
            String error) {}

    record Delivered(UUID outputId) {}

    /** The claim already started the run; a worker that reports its start separately gets the lease extended. */
    @Operation(operationId = "startRun")
    @PostMapping("/{runId}/start")
    JobLeases.LeaseView start(@PathVariable UUID runId, @RequestBody LeaseReport report) {
        return leases.heartbeat(JobKind.RUN, runId, report.leaseId());
    }

    @Operation(operationId = "deliverRunOutput")
    @PostMapping("/{runId}/outputs")
    @ResponseStatus(HttpStatus.CREATED)
    Delivered output(@PathVariable UUID runId, @RequestBody Output output) {
        if (output.content() != null) {
            long maxInlineBytes = properties.maxInlineOutput().toBytes();
            long bytes = output.content().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxInlineBytes) {
                throw new OutputTooLarge(maxInlineBytes, bytes);
            }
        }
        UUID outputId = output.outputId() == null ? UUID.randomUUID() : output.outputId();
        report(
                runId,
                output.leaseId(),
                new ProduceOutput(
                        runId,
                        outputId,
                        output.content(),
                        output.contentUrl(),
                        output.summary(),
                        output.keywords(),
                        output.metadata()));
        return new Delivered(outputId);
    }

    @Operation(operationId = "reportRunUsage")
    @PostMapping("/{runId}/usage")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void usage(@PathVariable UUID runId, @RequestBody UsageReport usage) {
        if (usage.meter() != null && !UsageMeter.TOKENS_USED.code().equals(usage.meter())) {
            throw new InvalidCommand(
                    "Workers report the meter " + UsageMeter.TOKENS_USED.code() + ", not " + usage.meter());
        }
        report(runId, usage.leaseId(), new RecordTokenUsage(runId, usage.usageId(), usage.quantity()));
    }

    @Operation(operationId = "completeRun")
    @PostMapping("/{runId}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable UUID runId, @RequestBody LeaseReport success) {
        report(runId, success.leaseId(), new SucceedRun(runId));
    }

    @Operation(operationId = "failRun")
    @PostMapping("/{runId}/fail")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void fail(@PathVariable UUID runId, @RequestBody RunFailure failure) {
        report(runId, failure.leaseId(), new FailRun(runId, failure.error()));
    }

    /** Every report is on the run its path names, under the lease its body names. */
    private void report(UUID runId, UUID leaseId, Object command) {
        leases.report(JobKind.RUN, runId, leaseId, command);
    }
}
