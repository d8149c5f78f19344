package io.runledger.command.org;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.auth.AuthenticatedUser;
import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.domain.org.ChangeOrgSettings;
import io.runledger.domain.org.CreateOrg;
import io.runledger.domain.org.RenameOrg;
import io.runledger.domain.org.Role;
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

/** Org commands over HTTP. The caller of {@code POST /v1/orgs} becomes the new org's owner. */
@RestController
@RequestMapping("/v1/orgs")
class OrgCommandController {

    private final CommandGateway commands;
    private final OrgAccess access;
    private final IdempotentRequests idempotency;
    private final Clock clock;
    private final TransactionTemplate transactions;

    OrgCommandController(
            CommandGateway commands,
            OrgAccess access,
            IdempotentRequests idempotency,
            Clock clock,
            TransactionTemplate transactions) {
        this.commands = commands;
        this.access = access;
        this.idempotency = idempotency;
        this.clock = clock;
        this.transactions = transactions;
    }

    record NewOrg(
            @Schema(requiredMode = REQUIRED, example = "Acme Studio")
            String name,

            @Schema(example = "acme-studio") String slug) {}

    record OrgCreatedResponse(
            UUID id,
            @Schema(example = "Acme Studio") String name,
            @Schema(example = "acme-studio") @Nullable String slug) {}

    /** Both optional: only what is given changes. */
    record OrgChanges(
            @Schema(example = "Acme Studio") String name,

            @Schema(example = "{\"timezone\": \"Europe/Paris\"}")
            Map<String, Object> settings) {}

    /** Idempotency keys of org creation belong to the person creating, as there is no org yet to scope them. */
    @Operation(operationId = "createOrg")
    @ApiResponse(
            responseCode = "201",
            description = "The org, its caller its owner",
            content = @Content(schema = @Schema(implementation = OrgCreatedResponse.class)))
    @PostMapping
    ResponseEntity<?> create(
            @RequestBody NewOrg request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        access.requirePerson();
        UUID creator = AuthenticatedUser.id();
        return idempotency.once(
                IdempotentRequests.callerScope(creator, "POST /v1/orgs"), idempotencyKey, request, () -> {
                    CreateOrg command = new CreateOrg(
                            IdempotentRequests.resourceId("org", creator, idempotencyKey),
                            request.name(),
                            request.slug(),
                            creator,
                            clock.instant());
                    idempotency.create(() -> commands.sendAndWait(command));
                    return ResponseEntity.created(URI.create("/v1/orgs/" + command.orgId()))
                            .body(new OrgCreatedResponse(
                                    command.orgId(), command.name().strip(), command.slug()));
                });
    }

    @Operation(operationId = "changeOrg")
    @PatchMapping("/{orgId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@PathVariable UUID orgId, @RequestBody OrgChanges changes) {
        access.require(orgId, Role.ADMIN);
        // one transaction, which Axon joins: a refused part leaves the other undone too
        transactions.executeWithoutResult(status -> {
            if (changes.name() != null) {
                commands.sendAndWait(new RenameOrg(orgId, changes.name()));
            }
            if (changes.settings() != null) {
                commands.sendAndWait(new ChangeOrgSettings(orgId, changes.settings()));
            }
        });
    }
}
