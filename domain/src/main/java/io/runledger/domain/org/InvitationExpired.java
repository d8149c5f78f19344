package io.runledger.domain.org;

import static io.runledger.domain.shared.PersonalData.Subject.INVITEE;

import java.time.Instant;
import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

public record InvitationExpired(
        UUID orgId,
        UUID invitationId,
        @PersonalData(subject = INVITEE) String email,
        Instant expiredAt) implements TenantEvent {}
