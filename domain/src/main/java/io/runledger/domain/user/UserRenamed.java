package io.runledger.domain.user;

import static io.runledger.domain.shared.PersonalData.Subject.PERSON;

import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

public record UserRenamed(
        UUID orgId,
        UUID userId,
        @PersonalData(subject = PERSON) String name) implements TenantEvent {}
