package io.runledger.query.projection;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.runledger.projections.ProjectionAdmin;
import io.runledger.projections.ReadModelRebuild;
import io.runledger.projections.deadletter.DeadLetters;
import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/admin/projections}: platform admins watch the read models, rebuild any of them, and repair what
 * their dead-letter queues hold. The dead-letter paths also take the side-effect processors' names
 * ({@code stripe-customers}, {@code stripe-meter-events}, {@code project-follows-generation}).
 */
@RestController
@RequestMapping("/v1/admin/projections")
record ProjectionAdminController(Readers readers, ProjectionAdmin projections, DeadLetters deadLetters) {

    record Projections(List<ProjectionAdmin.ProjectionState> items) {}

    record ParkedSequences(List<DeadLetters.ParkedSequence> items) {}

    record Evicted(String sequenceId, int evicted) {}

    @Operation(operationId = "listReadModels")
    @GetMapping
    Projections states() {
        readers.requirePlatformAdmin();
        return new Projections(projections.states());
    }

    /**
     * 202: the rebuild has started beside the live tables and goes on in the background; watch its {@code rebuild}
     * here. 409 while dead letters wait, or while another instance holds a segment of the read models' processor.
     */
    @Operation(operationId = "replayReadModel")
    @ApiResponse(
            responseCode = "202",
            description = "The replay started",
            content = @Content(schema = @Schema(implementation = ProjectionAdmin.ProjectionState.class)))
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionAdmin.ProjectionState> replay(@PathVariable String name) {
        readers.requirePlatformAdmin();
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(known(() -> projections.replay(name)));
        } catch (ProjectionAdmin.DeadLettersPending pending) {
            throw QueryProblems.conflict("dead-letters-pending", "Dead letters are waiting", pending.getMessage());
        } catch (ReadModelRebuild.SegmentsElsewhere elsewhere) {
            throw QueryProblems.conflict(
                    "segments-elsewhere", "Another instance is processing", elsewhere.getMessage());
        }
    }

    @Operation(operationId = "listDeadLetters")
    @GetMapping("/{name}/dead-letters")
    ParkedSequences deadLetters(@PathVariable String name) {
        readers.requirePlatformAdmin();
        return new ParkedSequences(known(() -> deadLetters.list(name)));
    }

    /** Processes the parked events again, in order: every tenant's, or one tenant's with {@code orgId}. */
    @Operation(operationId = "retryDeadLetters")
    @PostMapping("/{name}/dead-letters/retry")
    DeadLetters.RetryOutcome retry(@PathVariable String name, @RequestParam(required = false) UUID orgId) {
        readers.requirePlatformAdmin();
        return known(() -> deadLetters.retry(name, orgId));
    }

    /** Gives up on a tenant's parked events in this processor; the decision is recorded as an event. */
    @Operation(operationId = "evictDeadLetter")
    @DeleteMapping("/{name}/dead-letters/{sequenceId}")
    Evicted evict(
            @PathVariable String name, @PathVariable String sequenceId, @RequestParam(required = false) String reason) {
        readers.requirePlatformAdmin();
        int evicted = known(() -> deadLetters.evict(name, sequenceId, reason, readers.callerMetadata()));
        if (evicted == 0) {
            throw QueryProblems.notFound("No dead letters of sequence " + sequenceId + " in " + name);
        }
        return new Evicted(sequenceId, evicted);
    }

    private static <T> T known(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProjectionAdmin.UnknownProjection | DeadLetters.NoDeadLetterQueue unknown) {
            throw QueryProblems.notFound(unknown.getMessage());
        }
    }
}
