package io.runledger.command.pattern;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.auth.AuthenticatedUser;
import io.runledger.command.idempotency.IdempotentCreation;
import io.runledger.command.idempotency.IdempotentCreation.Creating;
import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.domain.pattern.DeactivatePattern;
import io.runledger.domain.pattern.ReactivatePattern;
import io.runledger.domain.pattern.RegisterPattern;
import io.runledger.domain.pattern.UpdatePattern;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/patterns}, {@code PATCH /v1/patterns/{id}}: platform admins keep the catalog runs choose from. */
@RestController
@RequestMapping("/v1/patterns")
record PatternController(
        OrgAccess access,
        IdempotentCreation creation,
        CommandGateway commands,
        PatternCatalog catalog,
        TransactionTemplate transactions) {

    record NewPattern(
            @Schema(requiredMode = REQUIRED, example = "summarize")
            String name,

            @Schema(example = "A short summary of a long text")
            String description,

            @Schema(example = "writing") String category,
            @Schema(example = "map-reduce") String defaultStrategy) {}

    /** Absent fields stay as they are; {@code active} false takes the pattern out of new runs, true puts it back. */
    record PatternChanges(
            String name,

            @Schema(example = "A short summary of a long text")
            String description,

            String category,
            String defaultStrategy,
            @Schema(example = "false") Boolean active) {

        boolean changesDetails() {
            return name != null || description != null || category != null || defaultStrategy != null;
        }
    }

    record RegisteredPattern(
            UUID id,
            String name,
            @Nullable String description,
            @Nullable String category,
            @Nullable String defaultStrategy,
            boolean active) {}

    @Operation(operationId = "registerPattern")
    @ApiResponse(
            responseCode = "201",
            description = "The registered pattern",
            content = @Content(schema = @Schema(implementation = RegisteredPattern.class)))
    @PostMapping
    ResponseEntity<?> register(
            @RequestBody NewPattern request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        access.requirePlatformAdmin();
        return creation.once(
                Creating.byCaller(AuthenticatedUser.id(), "POST /v1/patterns", "pattern"),
                idempotencyKey,
                request,
                patternId -> {
                    creation.send(new RegisterPattern(
                            patternId,
                            request.name(),
                            request.description(),
                            request.category(),
                            request.defaultStrategy()));
                    return IdempotentCreation.created(
                            "/v1/patterns/" + patternId,
                            new RegisteredPattern(
                                    patternId,
                                    request.name().strip(),
                                    request.description(),
                                    request.category(),
                                    request.defaultStrategy(),
                                    true));
                });
    }

    /** One transaction, which Axon joins: a refused part (a taken name, say) leaves the whole change undone. */
    @Operation(operationId = "changePattern")
    @PatchMapping("/{patternId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@PathVariable UUID patternId, @RequestBody PatternChanges changes) {
        access.requirePlatformAdmin();
        if (!catalog.isRegistered(patternId)) {
            throw new PatternNotFound(patternId);
        }
        transactions.executeWithoutResult(status -> {
            // an inactive pattern takes no edits, so it comes back before them and goes away after them
            if (Boolean.TRUE.equals(changes.active())) {
                commands.sendAndWait(new ReactivatePattern(patternId));
            }
            if (changes.changesDetails()) {
                commands.sendAndWait(new UpdatePattern(
                        patternId,
                        changes.name(),
                        changes.description(),
                        changes.category(),
                        changes.defaultStrategy()));
            }
            if (Boolean.FALSE.equals(changes.active())) {
                commands.sendAndWait(new DeactivatePattern(patternId));
            }
        });
    }
}
