package io.runledger.domain.user;

import static io.runledger.domain.shared.PersonalData.Subject.PERSON;

import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

/** Users are global: their events belong to the platform tenant. */
public record UserRegistered(
        UUID orgId,
        UUID userId,
        @PersonalData(subject = PERSON) String email,
        @PersonalData(subject = PERSON) String name)
        implements TenantEvent {}
