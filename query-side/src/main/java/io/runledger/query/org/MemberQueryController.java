package io.runledger.query.org;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/orgs/{orgId}/members} and {@code GET /v1/orgs/{orgId}/invitations}, for any member. */
@RestController
record MemberQueryController(Readers readers, MemberQueries members) {

    private static final Set<String> STATUSES = Set.of("pending", "accepted", "revoked", "expired");

    record Members(List<MemberQueries.Member> items) {}

    record Invitations(List<MemberQueries.Invitation> items) {}

    @Operation(operationId = "listMembers")
    @GetMapping("/v1/orgs/{orgId}/members")
    Members members(@PathVariable UUID orgId) {
        readers.requireReader(orgId);
        return new Members(members.members(orgId));
    }

    /** @param status pending, accepted, revoked or expired; all of them when absent */
    @Operation(operationId = "listInvitations")
    @GetMapping("/v1/orgs/{orgId}/invitations")
    Invitations invitations(@PathVariable UUID orgId, @RequestParam(required = false) String status) {
        readers.requireReader(orgId);
        if (status != null && !STATUSES.contains(status)) {
            throw QueryProblems.invalidParameter("status must be one of pending, accepted, revoked, expired");
        }
        return new Invitations(members.invitations(orgId, status));
    }
}
