package io.runledger.command.apikey;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.auth.AuthenticatedUser;
import io.runledger.command.auth.Sha256;
import io.runledger.command.idempotency.IdempotentCreation;
import io.runledger.command.idempotency.IdempotentCreation.Creating;
import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.domain.apikey.IssueApiKey;
import io.runledger.domain.apikey.RevokeApiKey;
import io.runledger.domain.org.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/orgs/{orgId}/api-keys}: admins issue, list and revoke their org's keys, signed in as themselves.
 * The secret is in the creation answer only; Runledger keeps its digest.
 */
@RestController
@RequestMapping("/v1/orgs/{orgId}/api-keys")
record ApiKeyController(OrgAccess access, IdempotentCreation creation, CommandGateway commands, ApiKeyRecords keys) {

    /** @param role admin, developer or viewer */
    record NewKey(
            @Schema(requiredMode = REQUIRED, example = "ci-pipeline")
            String name,

            @Schema(requiredMode = REQUIRED, example = "developer")
            Role role) {}

    /** @param key the secret, in this answer only: a replay of the request gets the answer without it */
    record IssuedKey(
            UUID id,
            String name,
            String role,
            String prefix,
            @Nullable String key) implements IdempotentRequests.OneTimeSecret {
        @Override
        public Object withoutSecret() {
            return new IssuedKey(id, name, role, prefix, null);
        }
    }

    record KeyOnRecord(
            UUID id,
            String name,
            String role,
            String prefix,
            UUID issuedBy,
            Instant issuedAt,
            @Nullable Instant revokedAt) {}

    record Keys(List<KeyOnRecord> items) {}

    @Operation(operationId = "issueApiKey")
    @ApiResponse(
            responseCode = "201",
            description = "The key; its secret is shown only in this answer",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    @PostMapping
    ResponseEntity<?> issue(
            @PathVariable UUID orgId,
            @RequestBody NewKey request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        access.requirePerson(orgId, Role.ADMIN);
        UUID issuer = AuthenticatedUser.id();
        return creation.once(Creating.inOrg(orgId, "POST /api-keys", "api-key"), idempotencyKey, request, keyId -> {
            String secret = ApiKeySecrets.newSecret();
            String shown = ApiKeySecrets.shownPart(secret);
            boolean issuedNow = creation.send(
                    new IssueApiKey(orgId, keyId, request.name(), request.role(), Sha256.hex(secret), shown, issuer));
            IssuedKey issued =
                    new IssuedKey(keyId, request.name().strip(), request.role().code(), shown, secret);
            return IdempotentCreation.created(
                    "/v1/orgs/%s/api-keys/%s".formatted(orgId, keyId),
                    // issued by an attempt that died before answering: its secret was never shown and is not kept
                    issuedNow ? issued : issuedBefore(keyId, issued));
        });
    }

    private IssuedKey issuedBefore(UUID keyId, IssuedKey asRequested) {
        return new IssuedKey(keyId, asRequested.name(), asRequested.role(), keys.prefixOf(keyId), null);
    }

    @Operation(operationId = "listApiKeys")
    @GetMapping
    Keys list(@PathVariable UUID orgId) {
        access.requirePerson(orgId, Role.ADMIN);
        return new Keys(keys.of(orgId));
    }

    /** Takes effect at once: the next request with the key is refused. Revoking a revoked key changes nothing. */
    @Operation(operationId = "revokeApiKey")
    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID orgId, @PathVariable UUID keyId) {
        access.requirePerson(orgId, Role.ADMIN);
        if (!keys.inOrg(orgId, keyId)) {
            throw new UnknownApiKey(orgId, keyId);
        }
        commands.sendAndWait(new RevokeApiKey(keyId));
    }
}
