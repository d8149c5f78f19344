package io.runledger.domain.user;

import static io.runledger.domain.shared.PersonalData.Subject.PERSON;

import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

public record AuthIdentityLinked(
        UUID orgId,
        UUID userId,
        AuthProvider provider,
        @PersonalData(subject = PERSON) String providerUserId) implements TenantEvent {}
