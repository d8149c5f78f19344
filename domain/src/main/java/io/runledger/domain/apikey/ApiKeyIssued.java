package io.runledger.domain.apikey;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.util.UUID;

import io.runledger.domain.org.Role;
import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

/** Carries the secret's digest, never the secret: the key table can be rebuilt from events, the key cannot. */
public record ApiKeyIssued(
        UUID orgId,
        UUID keyId,
        @PersonalData(subject = ORG) String name,
        Role role,
        String keyDigest,
        String keyPrefix,
        UUID issuedBy)
        implements TenantEvent {}
