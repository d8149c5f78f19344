package io.runledger.domain.org;

import static io.runledger.domain.shared.PersonalData.Subject.INVITEE;

import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

public record InvitationRevoked(
        UUID orgId,
        UUID invitationId,
        @PersonalData(subject = INVITEE) String email) implements TenantEvent {}
