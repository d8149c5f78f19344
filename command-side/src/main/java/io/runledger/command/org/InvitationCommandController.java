package io.runledger.command.org;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import io.runledger.command.access.AlreadyRegistered;
import io.runledger.command.access.InvitationLookup;
import io.runledger.command.access.InvitationNotFound;
import io.runledger.command.access.OrgAccess;
import io.runledger.command.idempotency.IdempotentCreation;
import io.runledger.command.idempotency.IdempotentCreation.Creating;
import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.domain.org.RevokeInvitation;
import io.runledger.domain.org.Role;
import io.runledger.domain.org.SendInvitation;
import io.runledger.domain.shared.InvalidCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/orgs/{orgId}/invitations}: admins invite by email people who have not signed in yet (owners invite
 * owners); the first sign-in with that email makes them a member. Listing is the query side's.
 */
@RestController
@RequestMapping("/v1/orgs/{orgId}/invitations")
record InvitationCommandController(
        CommandGateway commands,
        OrgAccess access,
        InvitationLookup invitations,
        IdempotentCreation creation,
        Clock clock,
        @Value("${runledger.invitations.expiry:7d}") Duration expiry) {

    record NewInvitation(
            @Schema(requiredMode = REQUIRED, example = "grace@example.com")
            String email,

            @Schema(example = "developer") Role role) {}

    record SentInvitation(UUID id, UUID orgId, String email, String role, String status, Instant expiresAt) {}

    /** A retry with the same {@code Idempotency-Key} answers the same invitation; without one, a second is refused. */
    @Operation(operationId = "inviteByEmail")
    @ApiResponse(
            responseCode = "201",
            description = "The pending invitation",
            content = @Content(schema = @Schema(implementation = SentInvitation.class)))
    @PostMapping
    ResponseEntity<?> invite(
            @PathVariable UUID orgId,
            @RequestBody NewInvitation request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        if (request.email() == null || request.email().isBlank()) {
            throw new InvalidCommand("email is required");
        }
        Role role = request.role() == null ? Role.DEVELOPER : request.role();
        access.requireToManage(orgId, role);
        return creation.once(
                Creating.inOrg(orgId, "POST /invitations", "invitation"), idempotencyKey, request, invitationId -> {
                    if (access.hasSignedIn(request.email())) {
                        throw new AlreadyRegistered(request.email().strip());
                    }
                    Instant expiresAt = clock.instant().plus(expiry).truncatedTo(ChronoUnit.MILLIS);
                    String email = request.email().strip().toLowerCase(Locale.ROOT);
                    commands.sendAndWait(new SendInvitation(orgId, invitationId, email, role, expiresAt));
                    return IdempotentCreation.created(
                            "/v1/orgs/%s/invitations/%s".formatted(orgId, invitationId),
                            new SentInvitation(invitationId, orgId, email, role.code(), "pending", expiresAt));
                });
    }

    /** Revoking needs the right to make the role it would have given; a settled invitation answers 409. */
    @Operation(operationId = "revokeInvitation")
    @DeleteMapping("/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID orgId, @PathVariable UUID invitationId) {
        access.require(orgId, Role.ADMIN);
        if (!invitations.inOrg(orgId, invitationId)) {
            throw new InvitationNotFound(orgId, invitationId);
        }
        access.requireToManage(orgId, invitations.roleOf(invitationId));
        commands.sendAndWait(new RevokeInvitation(orgId, invitationId));
    }
}
