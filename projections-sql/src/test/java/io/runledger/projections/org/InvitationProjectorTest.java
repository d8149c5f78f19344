package io.runledger.projections.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.runledger.domain.org.InvitationAccepted;
import io.runledger.domain.org.InvitationExpired;
import io.runledger.domain.org.InvitationRevoked;
import io.runledger.domain.org.InvitationSent;
import io.runledger.domain.org.OrgErased;
import io.runledger.domain.org.Role;
import io.runledger.domain.shared.Platform;
import io.runledger.domain.user.UserErased;
import io.runledger.projections.ProjectorTest;
import io.runledger.projections.Redelivery;
import org.junit.jupiter.api.Test;

/** The {@code invitations} row an invitation's events leave: pending, accepted, revoked, expired, address erased. */
class InvitationProjectorTest extends ProjectorTest {

    private static final Instant SENT = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant EXPIRES = SENT.plus(Duration.ofDays(7));

    private final InvitationProjector projector = new InvitationProjector(readModels);
    private final UUID org = UUID.randomUUID();
    private final UUID inviter = UUID.randomUUID();

    private static String address(UUID invitation) {
        return "invitee-" + invitation + "@example.com";
    }

    private void send(UUID invitation, Role role) {
        projector.on(new InvitationSent(org, invitation, address(invitation), role, EXPIRES), SENT, inviter.toString());
    }

    /** A new invitation, sent. */
    private UUID sent(Role role) {
        UUID invitation = UUID.randomUUID();
        send(invitation, role);
        return invitation;
    }

    private Map<String, Object> row(UUID invitation) {
        return jdbc.queryForMap("""
                select org_id, email, role, status, invited_by, user_id, expires_at, created_at, updated_at
                from invitations where id = ?
                """, invitation);
    }

    @Test
    void a_sent_invitation_is_pending_for_its_address_and_role_until_the_person_who_accepts_it_joins() {
        UUID invitation = sent(Role.DEVELOPER);
        UUID joined = UUID.randomUUID();

        assertThat(row(invitation))
                .containsEntry("org_id", org)
                .containsEntry("email", address(invitation))
                .containsEntry("role", "developer")
                .containsEntry("status", "pending")
                .containsEntry("invited_by", inviter.toString())
                .containsEntry("user_id", null)
                .containsEntry("expires_at", Timestamp.from(EXPIRES))
                .containsEntry("created_at", Timestamp.from(SENT));

        Instant accepted = SENT.plus(Duration.ofDays(1));
        projector.on(new InvitationAccepted(org, invitation, address(invitation), joined, Role.DEVELOPER), accepted);

        assertThat(row(invitation))
                .containsEntry("status", "accepted")
                .containsEntry("user_id", joined)
                .containsEntry("created_at", Timestamp.from(SENT))
                .containsEntry("updated_at", Timestamp.from(accepted));
    }

    @Test
    void a_revoked_and_an_expired_invitation_each_keep_what_became_of_them_beside_a_pending_one() {
        UUID revoked = sent(Role.VIEWER);
        UUID expired = sent(Role.ADMIN);
        UUID pending = sent(Role.VIEWER);
        projector.on(new InvitationRevoked(org, revoked, address(revoked)), SENT.plusSeconds(60));
        projector.on(new InvitationExpired(org, expired, address(expired), EXPIRES), EXPIRES);

        assertThat(row(revoked))
                .containsEntry("status", "revoked")
                .containsEntry("updated_at", Timestamp.from(SENT.plusSeconds(60)));
        assertThat(row(expired))
                .containsEntry("status", "expired")
                .containsEntry("updated_at", Timestamp.from(EXPIRES));
        assertThat(row(pending)).containsEntry("status", "pending").containsEntry("updated_at", Timestamp.from(SENT));
    }

    @Test
    void erasing_a_person_or_the_org_leaves_the_placeholder_for_exactly_the_addresses_the_erasure_names() {
        UUID personsInvitation = sent(Role.DEVELOPER);
        UUID orgsInvitation = sent(Role.DEVELOPER);
        UUID other = sent(Role.VIEWER);

        projector.on(new UserErased(Platform.ORG_ID, UUID.randomUUID(), null, List.of(personsInvitation)));

        assertThat(row(personsInvitation))
                .containsEntry("email", "erased invitation " + personsInvitation)
                .containsEntry("status", "pending");
        assertThat(row(orgsInvitation)).containsEntry("email", address(orgsInvitation));

        projector.on(new OrgErased(org, "closed", List.of(orgsInvitation)));

        assertThat(row(orgsInvitation)).containsEntry("email", "erased invitation " + orgsInvitation);
        assertThat(row(other)).containsEntry("email", address(other));
    }

    @Test
    void an_event_delivered_twice_leaves_the_row_it_left_once() {
        UUID invitation = UUID.randomUUID();
        UUID joined = UUID.randomUUID();
        UUID erasedPerson = UUID.randomUUID();
        Supplier<List<Map<String, Object>>> rows =
                () -> database.rows(invitation, "select * from invitations where id = ?");

        Redelivery.changesNothing(rows, () -> send(invitation, Role.ADMIN));
        Redelivery.changesNothing(
                rows,
                () -> projector.on(
                        new InvitationAccepted(org, invitation, address(invitation), joined, Role.ADMIN),
                        SENT.plusSeconds(60)));
        Redelivery.changesNothing(
                rows, () -> projector.on(new UserErased(Platform.ORG_ID, erasedPerson, null, List.of(invitation))));

        assertThat(rows.get()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("status", "accepted")
                .containsEntry("email", "erased invitation " + invitation));
    }
}
