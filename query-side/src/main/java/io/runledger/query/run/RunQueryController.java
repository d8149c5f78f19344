package io.runledger.query.run;

import java.util.Set;
import java.util.UUID;

import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.runledger.query.live.StatusStreams;
import io.runledger.query.paging.Page;
import io.runledger.query.paging.PageParameters;
import io.runledger.query.paging.RangeParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /v1/orgs/{orgId}/runs[/{runId}[/stream]]}: any member reads the org's runs. */
@RestController
@RequestMapping("/v1/orgs/{orgId}/runs")
class RunQueryController {

    private static final Set<String> STATUSES = Set.of("queued", "processing", "succeeded", "failed");

    private final Readers readers;
    private final RunQueries runs;
    private final StatusStreams streams;
    private final StatusStreams.Kind<RunQueries.RunView> streamed;

    RunQueryController(Readers readers, RunQueries runs, StatusStreams streams) {
        this.readers = readers;
        this.runs = runs;
        this.streams = streams;
        this.streamed = StatusStreams.Kind.endingAt(runs::some, RunQueries.RunView::status, "succeeded", "failed");
    }

    /**
     * Newest first, {@code limit} (1–200, 50) at a time; pass {@code nextCursor} back as {@code cursor}.
     *
     * @param pattern a pattern's name or id
     * @param queued  {@code from} (queued at or after, an ISO instant or date) and {@code to} (queued before)
     */
    @Operation(operationId = "listRuns")
    @GetMapping
    Page<RunQueries.RunView> list(
            @PathVariable UUID orgId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String pattern,
            @ParameterObject RangeParameters queued,
            @ParameterObject PageParameters page) {
        readers.requireReader(orgId);
        QueryProblems.requireOneOf("status", status, STATUSES);
        return runs.list(orgId, status, pattern, queued.range(), page.position());
    }

    /** The run with its outputs. */
    @Operation(operationId = "getRun")
    @GetMapping("/{runId}")
    RunQueries.RunView one(@PathVariable UUID orgId, @PathVariable UUID runId) {
        readers.requireReader(orgId);
        return runs.one(orgId, runId).orElseThrow(() -> QueryProblems.notInOrg("run", runId, orgId));
    }

    /**
     * Server-sent {@code status} events, the first as soon as the run is readable (a stream opened right after
     * the 202 waits for it), one per change, ending when the run does.
     */
    @Operation(operationId = "streamRun")
    @ApiResponse(
            responseCode = "200",
            description = "The run's status events until it ends",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "429", description = "The caller holds as many streams as it may")
    @GetMapping(path = "/{runId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID orgId, @PathVariable UUID runId) {
        readers.requireReader(orgId);
        if (!readers.runExists(orgId, runId)) {
            throw QueryProblems.notInOrg("run", runId, orgId);
        }
        return streams.follow(streamed, orgId, runId);
    }
}
