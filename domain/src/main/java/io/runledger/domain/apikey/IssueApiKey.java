package io.runledger.domain.apikey;

import java.util.Objects;
import java.util.UUID;

import io.runledger.domain.org.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param keyDigest SHA-256 of the secret, the only form in which it is kept
 * @param keyPrefix the secret's first characters, so people can tell their keys apart
 * @param issuedBy  the person the key acts on behalf of
 */
public record IssueApiKey(
        UUID orgId,
        @TargetAggregateIdentifier UUID keyId,
        String name,
        Role role,
        String keyDigest,
        String keyPrefix,
        UUID issuedBy) {
    public IssueApiKey {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keyDigest, "keyDigest");
        Objects.requireNonNull(issuedBy, "issuedBy");
    }
}
