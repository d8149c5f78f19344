package io.runledger.domain.org;

import static io.runledger.domain.shared.PersonalData.Subject.INVITEE;

import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

/** Followed, in the same transaction, by the {@link MemberAdded} it brings (unless they were a member already). */
public record InvitationAccepted(
        UUID orgId,
        UUID invitationId,
        @PersonalData(subject = INVITEE) String email,
        UUID userId,
        Role role) implements TenantEvent {}
