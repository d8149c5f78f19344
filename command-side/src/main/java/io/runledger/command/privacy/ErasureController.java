package io.runledger.command.privacy;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person erasing themselves, and platform admins erasing a person or an offboarded org (docs/erasure.md). */
@RestController
record ErasureController(Erasures erasures, OrgAccess access) {

    record ErasureRequest(
            @Schema(requiredMode = REQUIRED, example = "Erasure request of 2 November 2026 (ticket 4711)")
            String reason) {}

    record UserErasure(UUID userId, boolean erased) {}

    record OrgErasure(UUID orgId, boolean erased) {}

    @Operation(operationId = "eraseMe")
    @DeleteMapping("/v1/users/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void eraseMe() {
        access.requirePerson();
        erasures.eraseUser(AuthenticatedUser.id(), null);
    }

    @Operation(operationId = "eraseUser")
    @PostMapping("/v1/admin/users/{userId}/erase")
    UserErasure eraseUser(@PathVariable UUID userId, @RequestBody(required = false) ErasureRequest request) {
        access.requirePlatformAdmin();
        erasures.eraseUser(userId, reasonOf(request));
        return new UserErasure(userId, true);
    }

    @Operation(operationId = "eraseOrg")
    @PostMapping("/v1/admin/orgs/{orgId}/erase")
    OrgErasure eraseOrg(@PathVariable UUID orgId, @RequestBody(required = false) ErasureRequest request) {
        access.requirePlatformAdmin();
        erasures.eraseOrg(orgId, reasonOf(request));
        return new OrgErasure(orgId, true);
    }

    private static String reasonOf(ErasureRequest request) {
        if (request == null
                || request.reason() == null
                || request.reason().isBlank()
                || request.reason().strip().length() > ReasonRequired.MAX_LENGTH) {
            throw new ReasonRequired();
        }
        return request.reason().strip();
    }
}
