package io.runledger.command.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.runledger.command.lookup.TransactionalLookup;
import io.runledger.domain.org.InvitationAccepted;
import io.runledger.domain.org.InvitationExpired;
import io.runledger.domain.org.InvitationRevoked;
import io.runledger.domain.org.InvitationSent;
import io.runledger.domain.org.Role;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code access_invitations}, kept like the other access tables: in the transaction of the invitation's events
 * (processing group {@value AccessProjector#PROCESSING_GROUP}).
 */
@TransactionalLookup(processingGroup = AccessProjector.PROCESSING_GROUP)
public record InvitationLookup(JdbcClient jdbc) {

    /** An invitation waiting for the first sign-in with its email. */
    public record PendingInvitation(UUID invitationId, UUID orgId) {}

    public boolean inOrg(UUID orgId, UUID invitationId) {
        return jdbc.sql("select exists (select 1 from access_invitations where invitation_id = ? and org_id = ?)")
                .params(invitationId, orgId)
                .query(Boolean.class)
                .single();
    }

    public Role roleOf(UUID invitationId) {
        return Role.valueOf(jdbc.sql("select role from access_invitations where invitation_id = ?")
                .param(invitationId)
                .query(String.class)
                .single());
    }

    public List<PendingInvitation> pendingFor(String email) {
        return jdbc.sql("select invitation_id, org_id from access_invitations where email = ? and status = 'pending'")
                .param(email)
                .query((rs, row) -> new PendingInvitation(
                        rs.getObject("invitation_id", UUID.class), rs.getObject("org_id", UUID.class)))
                .list();
    }

    @EventHandler
    void on(InvitationSent sent) {
        jdbc.sql("""
                insert into access_invitations (invitation_id, org_id, email, role, status, expires_at)
                values (?, ?, ?, ?, 'pending', ?)
                """)
                .params(
                        sent.invitationId(),
                        sent.orgId(),
                        sent.email(),
                        sent.role().name(),
                        at(sent.expiresAt()))
                .update();
    }

    @EventHandler
    void on(InvitationAccepted accepted) {
        becomes(accepted.invitationId(), "accepted");
    }

    @EventHandler
    void on(InvitationRevoked revoked) {
        becomes(revoked.invitationId(), "revoked");
    }

    @EventHandler
    void on(InvitationExpired expired) {
        becomes(expired.invitationId(), "expired");
    }

    private void becomes(UUID invitationId, String status) {
        jdbc.sql("update access_invitations set status = ? where invitation_id = ?")
                .params(status, invitationId)
                .update();
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
