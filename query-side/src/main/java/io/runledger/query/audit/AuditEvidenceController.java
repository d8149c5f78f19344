package io.runledger.query.audit;

import java.util.List;
import java.util.UUID;

import io.runledger.projections.audit.AuditChain;
import io.runledger.projections.audit.AuditDigests;
import io.runledger.projections.audit.AuditSigningKey;
import io.runledger.projections.audit.AuditVerification;
import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.runledger.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tamper evidence of an org's audit trail: its signed digests, the key that signs them, and a check of the event
 * store against both (docs/audit.md). Owners and admins only, but the public key, which anyone may hold.
 */
@RestController
record AuditEvidenceController(
        Readers readers, TenantReads reads, AuditDigests digests, AuditVerification verification, AuditSigningKey key) {

    record Digests(List<AuditDigestView> items) {}

    record PublicKeyView(String algorithm, String keyId, String pem) {}

    record Mismatch(@Nullable Long position, @Nullable String eventId, String reason, String detail) {}

    record Verification(
            boolean valid, long checked, @Nullable Mismatch firstMismatch) {}

    @Operation(operationId = "listAuditDigests")
    @GetMapping("/v1/orgs/{orgId}/audit/digests")
    Digests digests(@PathVariable UUID orgId) {
        readers.requireAdmin(orgId);
        return new Digests(reads.read(orgId, sql -> AuditDigests.list(sql, orgId)).stream()
                .map(AuditDigestView::of)
                .toList());
    }

    /** A digest of the chain as it ends now: 201 if made, 200 with the last one if the chain has not grown since. */
    @Operation(operationId = "signAuditDigest")
    @ApiResponse(
            responseCode = "201",
            description = "A digest signed now",
            content = @Content(schema = @Schema(implementation = AuditDigestView.class)))
    @ApiResponse(
            responseCode = "200",
            description = "No event since the last digest: that one",
            content = @Content(schema = @Schema(implementation = AuditDigestView.class)))
    @PostMapping("/v1/orgs/{orgId}/audit/digests")
    ResponseEntity<AuditDigestView> sign(@PathVariable UUID orgId) {
        readers.requireAdmin(orgId);
        AuditDigests.Signed signed = digests.sign(orgId)
                .orElseThrow(() -> QueryProblems.conflict(
                        "audit-chain-empty",
                        "Nothing to sign yet",
                        "The org's events are not chained yet; try again in a moment"));
        return ResponseEntity.status(signed.made() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(AuditDigestView.of(signed.digest()));
    }

    /** @param from, to digest sequences bounding the check (default: the whole chain) */
    @Operation(operationId = "verifyAuditChain")
    @PostMapping("/v1/orgs/{orgId}/audit/verify")
    Verification verify(
            @PathVariable UUID orgId,
            @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long to) {
        readers.requireAdmin(orgId);
        AuditVerification.Result result;
        try {
            result = verification.verify(orgId, from, to);
        } catch (AuditVerification.UnknownDigest unknown) {
            throw QueryProblems.invalidParameter(unknown.getMessage());
        }
        return new Verification(
                result.valid(),
                result.checked(),
                result.mismatch()
                        .map(mismatch -> new Mismatch(
                                mismatch.position(), mismatch.eventId(), mismatch.reason().code, mismatch.detail()))
                        .orElse(null));
    }

    @Operation(operationId = "getAuditPublicKey")
    @GetMapping("/v1/audit/public-key")
    PublicKeyView publicKey() {
        return new PublicKeyView(
                AuditChain.SIGNATURE_ALGORITHM,
                key.keyId(),
                AuditChain.pem("PUBLIC KEY", key.publicKey().getEncoded()));
    }
}
