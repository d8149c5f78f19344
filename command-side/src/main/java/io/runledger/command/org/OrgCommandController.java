package io.runledger.command.org;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.auth.AuthenticatedUser;
import io.runledger.command.idempotency.IdempotentCreation;
import io.runledger.command.idempotency.IdempotentCreation.Creating;
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
record OrgCommandController(
        CommandGateway commands,
        OrgAccess access,
        IdempotentCreation creation,
        Clock clock,
        TransactionTemplate transactions) {

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
        return creation.once(Creating.byCaller(creator, "POST /v1/orgs", "org"), idempotencyKey, request, orgId -> {
            CreateOrg command = new CreateOrg(orgId, request.name(), request.slug(), creator, clock.instant());
            creation.send(command);
            return IdempotentCreation.created(
                    "/v1/orgs/" + orgId,
                    new OrgCreatedResponse(orgId, command.name().strip(), command.slug()));
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
