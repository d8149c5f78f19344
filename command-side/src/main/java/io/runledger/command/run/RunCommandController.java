package io.runledger.command.run;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.auth.AuthenticatedUser;
import io.runledger.command.idempotency.IdempotentCreation;
import io.runledger.command.idempotency.IdempotentCreation.Creating;
import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.command.pattern.PatternCatalog;
import io.runledger.domain.org.Role;
import io.runledger.domain.run.InputSource;
import io.runledger.domain.run.RunStatus;
import io.runledger.domain.shared.InvalidCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/orgs/{orgId}/runs}: developers queue runs; the answer is 202, the work happens later. */
@RestController
@RequestMapping("/v1/orgs/{orgId}/runs")
record RunCommandController(OrgAccess access, PatternCatalog catalog, IdempotentCreation creation, RunQueue queue) {

    /**
     * @param pattern     the pattern's id or name
     * @param inputSource text, youtube or upload
     * @param input       the text itself, or the URL of the video or upload
     * @param strategy    optional; the pattern's default strategy otherwise
     */
    record RunRequest(
            @Schema(requiredMode = REQUIRED, example = "summarize")
            String pattern,

            @Schema(requiredMode = REQUIRED, example = "text")
            InputSource inputSource,

            @Schema(
                    requiredMode = REQUIRED,
                    example = "Small teams ship faster when they own their deploys, because...")
            String input,

            @Schema(example = "map-reduce") String strategy) {}

    record QueuedRun(UUID id, @Schema(example = "queued") String status, UUID patternId) {}

    @Operation(operationId = "queueRun")
    @ApiResponse(
            responseCode = "202",
            description = "Queued: a worker runs it later",
            content = @Content(schema = @Schema(implementation = QueuedRun.class)))
    @ApiResponse(responseCode = "402", description = "The subscription is not active")
    @ApiResponse(responseCode = "429", description = "The plan's runs of today are used up")
    @PostMapping
    ResponseEntity<?> queue(
            @PathVariable UUID orgId,
            @RequestBody RunRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        access.require(orgId, Role.DEVELOPER);
        UUID userId = AuthenticatedUser.id();
        // runs: unique (org_id, idempotency_key), for ever
        return creation.once(
                Creating.inOrg(orgId, IdempotentRequests.QUEUE_RUN, "run"), idempotencyKey, request, runId -> {
                    if (request.inputSource() == null
                            || request.input() == null
                            || request.input().isBlank()) {
                        throw new InvalidCommand("A run needs an inputSource (text, youtube, upload) and an input");
                    }
                    PatternCatalog.ActivePattern pattern = catalog.activePattern(request.pattern());
                    creation.create(() -> queue.queue(new RunQueue.NewRun(
                            orgId,
                            runId,
                            userId,
                            pattern,
                            request.inputSource(),
                            request.input(),
                            request.strategy() == null ? pattern.defaultStrategy() : request.strategy(),
                            IdempotentRequests.keyOf(idempotencyKey))));
                    return IdempotentCreation.accepted(
                            "/v1/orgs/%s/runs/%s".formatted(orgId, runId),
                            new QueuedRun(runId, RunStatus.QUEUED.code(), pattern.patternId()));
                });
    }
}
