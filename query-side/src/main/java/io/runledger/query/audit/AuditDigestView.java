package io.runledger.query.audit;

import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import io.runledger.projections.audit.AuditChain;

/** A digest as the API and the command-line export write it, and the offline verifier reads it: link hex, signature base64. */
public record AuditDigestView(
        UUID orgId,
        long digestSequence,
        long chainSequence,
        long position,
        String link,
        String signedAt,
        String keyId,
        String signature) {

    public static AuditDigestView of(AuditChain.Digest digest) {
        return new AuditDigestView(
                digest.orgId(),
                digest.digestSequence(),
                digest.chainSequence(),
                digest.position(),
                HexFormat.of().formatHex(digest.link()),
                digest.signedAt(),
                digest.keyId(),
                Base64.getEncoder().encodeToString(digest.signature()));
    }

    public AuditChain.Digest digest() {
        return new AuditChain.Digest(
                orgId,
                digestSequence,
                chainSequence,
                position,
                HexFormat.of().parseHex(link),
                signedAt,
                keyId,
                Base64.getDecoder().decode(signature));
    }
}
