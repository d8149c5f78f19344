package io.runledger.projections.org;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.runledger.domain.org.InvitationAccepted;
import io.runledger.domain.org.InvitationExpired;
import io.runledger.domain.org.InvitationRevoked;
import io.runledger.domain.org.InvitationSent;
import io.runledger.domain.org.OrgErased;
import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.user.UserErased;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

/** {@code invitations}, beside the org's members in processing group {@value ReadModelProcessors#ORGS}. */
@ReadModelProjector(processingGroup = ReadModelProcessors.ORGS)
public record InvitationProjector(ReadModels models) {

    @EventHandler
    void on(InvitationSent sent, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        models.write(
                """
                insert into invitations (id, org_id, email, role, status, invited_by, expires_at, created_at, updated_at)
                values (?, ?, ?, ?, 'pending', ?, ?, ?, ?) on conflict (id) do nothing
                """,
                sent.invitationId(),
                sent.orgId(),
                sent.email(),
                sent.role().code(),
                actor,
                ReadModels.at(sent.expiresAt()),
                ReadModels.at(at),
                ReadModels.at(at));
    }

    @EventHandler
    void on(InvitationAccepted accepted, @Timestamp Instant at) {
        models.write(
                "update invitations set status = 'accepted', user_id = ?, updated_at = ? where id = ?",
                accepted.userId(),
                ReadModels.at(at),
                accepted.invitationId());
    }

    @EventHandler
    void on(InvitationRevoked revoked, @Timestamp Instant at) {
        becomes(revoked.invitationId(), "revoked", at);
    }

    @EventHandler
    void on(InvitationExpired expired, @Timestamp Instant at) {
        becomes(expired.invitationId(), "expired", at);
    }

    /** The addresses of the invitations whose keys the erasure destroyed, as a replay now reads them. */
    @EventHandler
    void on(UserErased erased) {
        forgetAddresses(erased.invitationIds());
    }

    @EventHandler
    void on(OrgErased erased) {
        forgetAddresses(erased.invitationIds());
    }

    private void forgetAddresses(List<UUID> invitationIds) {
        invitationIds.forEach(invitationId -> models.write(
                "update invitations set email = ? where id = ?",
                DataSubject.invitee(invitationId).placeholder(),
                invitationId));
    }

    private void becomes(UUID invitationId, String status, Instant at) {
        models.write(
                "update invitations set status = ?, updated_at = ? where id = ?",
                status,
                ReadModels.at(at),
                invitationId);
    }
}
