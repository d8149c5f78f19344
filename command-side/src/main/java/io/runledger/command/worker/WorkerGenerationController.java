package io.runledger.command.worker;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.generation.CompleteGeneration;
import io.runledger.domain.generation.FailGeneration;
import io.runledger.domain.generation.RecordAudioAnalysis;
import io.runledger.domain.generation.RecordVisualPlan;
import io.runledger.domain.generation.StartRendering;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/worker/generations}: the render workers' reports on a generation. The claim
 * ({@link WorkerLeaseController}) starts its audio analysis; then analysis → plan → render → complete,
 * or fail at any stage.
 */
@RestController
@RequestMapping("/v1/worker/generations")
record WorkerGenerationController(JobLeases leases) {

    record Analysis(
            @Schema(requiredMode = REQUIRED) UUID leaseId,

            @Schema(requiredMode = REQUIRED, example = "{\"bpm\": 118}")
            Map<String, Object> audioAnalysis) {}

    record VisualPlan(
            @Schema(requiredMode = REQUIRED) UUID leaseId,

            @Schema(requiredMode = REQUIRED, example = "{\"scenes\": 12}")
            Map<String, Object> visualPlan) {}

    /**
     * @param renderTimeSeconds the worker's own figure, shown with the generation; billing's {@code render.seconds}
     *                          is measured by Runledger from the render report to this one
     */
    record Completion(
            @Schema(requiredMode = REQUIRED) UUID leaseId,

            @Schema(requiredMode = REQUIRED, example = "https://cdn.example.com/videos/sunrise.mp4")
            String videoUrl,

            @Schema(example = "https://cdn.example.com/videos/sunrise.jpg")
            String thumbnailUrl,

            @Schema(example = "184.5") BigDecimal durationSeconds,
            @Schema(example = "73400320") Long fileSizeBytes,
            @Schema(example = "412") Integer renderTimeSeconds) {}

    record GenerationFailure(
            @Schema(requiredMode = REQUIRED) UUID leaseId,

            @Schema(requiredMode = REQUIRED, example = "render node ran out of memory")
            String errorMessage) {}

    @Operation(operationId = "recordAnalysis")
    @PostMapping("/{generationId}/analysis")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void analysis(@PathVariable UUID generationId, @RequestBody Analysis analysis) {
        report(generationId, analysis.leaseId(), new RecordAudioAnalysis(generationId, analysis.audioAnalysis()));
    }

    @Operation(operationId = "recordVisualPlan")
    @PostMapping("/{generationId}/plan")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void plan(@PathVariable UUID generationId, @RequestBody VisualPlan plan) {
        report(generationId, plan.leaseId(), new RecordVisualPlan(generationId, plan.visualPlan()));
    }

    @Operation(operationId = "recordRender")
    @PostMapping("/{generationId}/render")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void render(@PathVariable UUID generationId, @RequestBody LeaseReport rendering) {
        report(generationId, rendering.leaseId(), new StartRendering(generationId));
    }

    @Operation(operationId = "completeGeneration")
    @PostMapping("/{generationId}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable UUID generationId, @RequestBody Completion done) {
        report(
                generationId,
                done.leaseId(),
                new CompleteGeneration(
                        generationId,
                        done.videoUrl(),
                        done.thumbnailUrl(),
                        done.durationSeconds(),
                        done.fileSizeBytes(),
                        done.renderTimeSeconds()));
    }

    @Operation(operationId = "failGeneration")
    @PostMapping("/{generationId}/fail")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void fail(@PathVariable UUID generationId, @RequestBody GenerationFailure failure) {
        report(generationId, failure.leaseId(), new FailGeneration(generationId, failure.errorMessage()));
    }

    /** Every report is on the generation its path names, under the lease its body names. */
    private void report(UUID generationId, UUID leaseId, Object command) {
        leases.report(JobKind.GENERATION, generationId, leaseId, command);
    }
}
