package io.runledger.query.project;

import java.util.Set;
import java.util.UUID;

import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.runledger.query.live.StatusStreams;
import io.runledger.query.paging.Page;
import io.runledger.query.paging.PageParameters;
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

/** {@code GET /v1/orgs/{orgId}/projects[/{projectId}]} and {@code …/generations[/{id}[/stream]]}: any member reads. */
@RestController
@RequestMapping("/v1/orgs/{orgId}")
class ProjectQueryController {

    private static final Set<String> GENERATION_STATUSES = Set.of("pending", "processing", "completed", "failed");

    private final Readers readers;
    private final ProjectQueries queries;
    private final StatusStreams streams;
    private final StatusStreams.Kind<ProjectQueries.GenerationView> streamed;

    ProjectQueryController(Readers readers, ProjectQueries queries, StatusStreams streams) {
        this.readers = readers;
        this.queries = queries;
        this.streams = streams;
        this.streamed = StatusStreams.Kind.endingAt(
                queries::generations, ProjectQueries.GenerationView::status, "completed", "failed");
    }

    @Operation(operationId = "listProjects")
    @GetMapping("/projects")
    Page<ProjectQueries.ProjectView> projects(@PathVariable UUID orgId, @ParameterObject PageParameters page) {
        readers.requireReader(orgId);
        return queries.projects(orgId, page.position());
    }

    @Operation(operationId = "getProject")
    @GetMapping("/projects/{projectId}")
    ProjectQueries.ProjectView project(@PathVariable UUID orgId, @PathVariable UUID projectId) {
        readers.requireReader(orgId);
        return queries.project(orgId, projectId).orElseThrow(() -> QueryProblems.notInOrg("project", projectId, orgId));
    }

    /** Newest first; filters {@code status} (pending, processing, completed, failed) and {@code projectId}. */
    @Operation(operationId = "listGenerations")
    @GetMapping("/generations")
    Page<ProjectQueries.GenerationView> generations(
            @PathVariable UUID orgId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID projectId,
            @ParameterObject PageParameters page) {
        readers.requireReader(orgId);
        QueryProblems.requireOneOf("status", status, GENERATION_STATUSES);
        return queries.generations(orgId, projectId, status, page.position());
    }

    @Operation(operationId = "getGeneration")
    @GetMapping("/generations/{generationId}")
    ProjectQueries.GenerationView generation(@PathVariable UUID orgId, @PathVariable UUID generationId) {
        readers.requireReader(orgId);
        return queries.generation(orgId, generationId)
                .orElseThrow(() -> QueryProblems.notInOrg("generation", generationId, orgId));
    }

    /** Server-sent {@code status} events, one per change of the generation's status, ending when it does. */
    @Operation(operationId = "streamGeneration")
    @ApiResponse(
            responseCode = "200",
            description = "The generation's status events until it ends",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "429", description = "The caller holds as many streams as it may")
    @GetMapping(path = "/generations/{generationId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID orgId, @PathVariable UUID generationId) {
        readers.requireReader(orgId);
        if (!readers.generationExists(orgId, generationId)) {
            throw QueryProblems.notInOrg("generation", generationId, orgId);
        }
        return streams.follow(streamed, orgId, generationId);
    }
}
