package io.runledger.command.org;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.domain.org.AddMember;
import io.runledger.domain.org.ChangeMemberRole;
import io.runledger.domain.org.RemoveMember;
import io.runledger.domain.org.Role;
import io.runledger.domain.shared.InvalidCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Members of an org: admins manage them; only owners make or unmake owners. */
@RestController
@RequestMapping("/v1/orgs/{orgId}/members")
record MemberCommandController(CommandGateway commands, OrgAccess access) {

    record NewMember(
            @Schema(requiredMode = REQUIRED, example = "grace@example.com")
            String email,

            @Schema(example = "developer") Role role) {}

    record RoleChange(
            @Schema(requiredMode = REQUIRED, example = "admin")
            Role role) {}

    record Membership(UUID orgId, UUID userId, String role) {}

    @Operation(operationId = "addMember")
    @ApiResponse(
            responseCode = "201",
            description = "The membership",
            headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = Membership.class)))
    @PostMapping
    ResponseEntity<Membership> add(@PathVariable UUID orgId, @RequestBody NewMember request) {
        Role role = request.role() == null ? Role.DEVELOPER : request.role();
        access.requireToManage(orgId, role);
        UUID userId = access.userWithEmail(request.email());
        commands.sendAndWait(new AddMember(orgId, userId, role));
        return ResponseEntity.created(URI.create("/v1/orgs/%s/members/%s".formatted(orgId, userId)))
                .body(new Membership(orgId, userId, role.code()));
    }

    @Operation(operationId = "changeMemberRole")
    @PatchMapping("/{userId}")
    Membership changeRole(@PathVariable UUID orgId, @PathVariable UUID userId, @RequestBody RoleChange request) {
        if (request.role() == null) {
            throw new InvalidCommand("role is required: owner, admin, developer or viewer");
        }
        access.requireToManage(
                orgId, request.role(), access.roleOf(orgId, userId).orElse(request.role()));
        commands.sendAndWait(new ChangeMemberRole(orgId, userId, request.role()));
        return new Membership(orgId, userId, request.role().code());
    }

    @Operation(operationId = "removeMember")
    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID orgId, @PathVariable UUID userId) {
        access.requireToManage(orgId, access.roleOf(orgId, userId).orElse(Role.VIEWER));
        commands.sendAndWait(new RemoveMember(orgId, userId));
    }
}
