package io.runledger.command.project;

import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.auth.AuthenticatedUser;
import io.runledger.command.idempotency.IdempotentCreation;
import io.runledger.command.idempotency.IdempotentCreation.Creating;
import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.domain.generation.GenerationStatus;
import io.runledger.domain.org.Role;
import io.runledger.domain.project.CreateProject;
import io.runledger.domain.project.ProjectDetails;
import io.runledger.domain.project.RequestGeneration;
import io.runledger.domain.project.UpdateProject;
import io.runledger.domain.shared.ProjectStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Music-video projects and their generations: developers create, edit and render them. */
@RestController
@RequestMapping("/v1/orgs/{orgId}/projects")
record ProjectCommandController(
        CommandGateway commands, OrgAccess access, IdempotentCreation creation, GenerationRequests generations) {

    record CreatedProject(
            UUID id, @Schema(example = "draft") String status) {}

    /** Optional: without a seed, one is chosen. */
    record GenerationRequest(@Schema(example = "sunrise-1") String seed) {}

    record QueuedGeneration(
            UUID id,
            UUID projectId,
            @Schema(example = "sunrise-1") String seed,
            @Schema(example = "pending") String status) {}

    @Operation(
            operationId = "createProject",
            // one schema for creating and changing: what only creating needs is said here
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "name, prompt and audioPath are required; resolution, stylePreference,"
                                    + " footageVisibility and effectIntensity default to 1080p, organic, 0.6 and 0.5",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = ProjectDetails.class),
                                            examples = @ExampleObject(value = """
                                                    {"name": "Sunrise", "description": "A video for the single",
                                                     "prompt": "A city waking up, warm light, slow pans",
                                                     "audioPath": "uploads/sunrise.mp3", "audioDuration": 184.5,
                                                     "resolution": "1080p", "stylePreference": "organic",
                                                     "footageVisibility": 0.6, "effectIntensity": 0.5}"""))))
    @ApiResponse(
            responseCode = "201",
            description = "The project, a draft",
            content = @Content(schema = @Schema(implementation = CreatedProject.class)))
    @PostMapping
    ResponseEntity<?> create(
            @PathVariable UUID orgId,
            @RequestBody ProjectDetails details,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        access.require(orgId, Role.DEVELOPER);
        UUID userId = AuthenticatedUser.id();
        return creation.once(Creating.inOrg(orgId, "POST /projects", "project"), idempotencyKey, details, projectId -> {
            creation.send(new CreateProject(orgId, projectId, userId, details));
            return IdempotentCreation.created(
                    "/v1/orgs/%s/projects/%s".formatted(orgId, projectId),
                    new CreatedProject(projectId, ProjectStatus.DRAFT.code()));
        });
    }

    /** Fields left out (or null) keep their values. */
    @Operation(
            operationId = "updateProject",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "The fields to change; those left out keep their values",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = ProjectDetails.class),
                                            examples = @ExampleObject(value = """
                                                    {"prompt": "A city waking up, cold light, fast cuts",
                                                     "effectIntensity": 0.8}"""))))
    @PatchMapping("/{projectId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(@PathVariable UUID orgId, @PathVariable UUID projectId, @RequestBody ProjectDetails changes) {
        access.requireProject(orgId, projectId, Role.DEVELOPER);
        commands.sendAndWait(new UpdateProject(projectId, changes));
    }

    @Operation(operationId = "requestGeneration")
    @ApiResponse(
            responseCode = "202",
            description = "Queued: a worker renders it later",
            content = @Content(schema = @Schema(implementation = QueuedGeneration.class)))
    @ApiResponse(responseCode = "402", description = "The subscription is not active")
    @ApiResponse(responseCode = "429", description = "The plan's generations of this month are used up")
    @PostMapping("/{projectId}/generations")
    ResponseEntity<?> requestGeneration(
            @PathVariable UUID orgId,
            @PathVariable UUID projectId,
            @RequestBody(required = false) GenerationRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        access.requireProject(orgId, projectId, Role.DEVELOPER);
        UUID userId = AuthenticatedUser.id();
        GenerationRequest body = request == null ? new GenerationRequest(null) : request;
        Creating generation = Creating.inOrg(orgId, "POST /projects/" + projectId + "/generations", "generation");
        return creation.once(generation, idempotencyKey, body, generationId -> {
            String seed = body.seed() == null ? generationId.toString() : body.seed();
            generations.request(orgId, new RequestGeneration(projectId, generationId, userId, seed));
            return IdempotentCreation.accepted(
                    "/v1/orgs/%s/generations/%s".formatted(orgId, generationId),
                    new QueuedGeneration(generationId, projectId, seed, GenerationStatus.PENDING.code()));
        });
    }
}
