package io.runledger.projections.audit;

import java.security.PublicKey;

/** The operator's Ed25519 key that signs digests (the application configures it: docs/audit.md). */
public interface AuditSigningKey {

    PublicKey publicKey();

    byte[] sign(byte[] statement);

    default String keyId() {
        return AuditChain.keyId(publicKey());
    }
}
