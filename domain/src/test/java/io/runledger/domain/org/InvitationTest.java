package io.runledger.domain.org;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.runledger.domain.shared.InvalidCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

/** Invitations: sent to an email, accepted at its first sign-in before they expire, revoked, or expired by a deadline. */
class InvitationTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID GRACE = UUID.randomUUID();
    private static final UUID INVITATION = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(7));

    private final FixtureConfiguration<Org> fixture = new AggregateTestFixture<>(Org.class);

    private TestExecutor<Org> anOrg() {
        return fixture.givenCurrentTime(NOW)
                .andGiven(new OrgCreated(ORG, "Acme", "acme", ALICE), new MemberAdded(ORG, ALICE, Role.OWNER));
    }

    private TestExecutor<Org> graceInvited() {
        return anOrg().andGivenCommands(
                        new SendInvitation(ORG, INVITATION, "grace@example.com", Role.DEVELOPER, EXPIRES));
    }

    private static InvitationSent sent() {
        return new InvitationSent(ORG, INVITATION, "grace@example.com", Role.DEVELOPER, EXPIRES);
    }

    @Test
    void an_invitation_is_sent_to_the_email_in_lower_case_and_its_expiry_is_scheduled() {
        anOrg().when(new SendInvitation(ORG, INVITATION, "  Grace@Example.com ", Role.DEVELOPER, EXPIRES))
                .expectEvents(sent())
                .expectScheduledDeadline(EXPIRES, INVITATION);
    }

    @Test
    void an_invitation_needs_an_email_address() {
        anOrg().when(new SendInvitation(ORG, INVITATION, "grace", Role.DEVELOPER, EXPIRES))
                .expectException(InvalidCommand.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_second_invitation_to_the_same_email_is_refused_while_the_first_is_pending() {
        graceInvited()
                .when(new SendInvitation(ORG, UUID.randomUUID(), "GRACE@example.com", Role.ADMIN, EXPIRES))
                .expectException(InvitationAlreadyPending.class)
                .expectNoEvents();
    }

    @Test
    void the_same_invitation_sent_again_is_sent_once() {
        graceInvited()
                .when(new SendInvitation(ORG, INVITATION, "grace@example.com", Role.DEVELOPER, EXPIRES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void after_a_revocation_the_email_can_be_invited_again() {
        UUID again = UUID.randomUUID();
        graceInvited()
                .andGivenCommands(new RevokeInvitation(ORG, INVITATION))
                .when(new SendInvitation(ORG, again, "grace@example.com", Role.VIEWER, EXPIRES))
                .expectEvents(new InvitationSent(ORG, again, "grace@example.com", Role.VIEWER, EXPIRES));
    }

    @Test
    void accepting_makes_the_person_a_member_with_the_invited_role() {
        graceInvited()
                .when(new AcceptInvitation(ORG, INVITATION, GRACE, NOW.plusSeconds(60)))
                .expectEvents(
                        new InvitationAccepted(ORG, INVITATION, "grace@example.com", GRACE, Role.DEVELOPER),
                        new MemberAdded(ORG, GRACE, Role.DEVELOPER));
    }

    @Test
    void an_invitation_is_accepted_once() {
        graceInvited()
                .andGivenCommands(new AcceptInvitation(ORG, INVITATION, GRACE, NOW.plusSeconds(60)))
                .when(new AcceptInvitation(ORG, INVITATION, GRACE, NOW.plusSeconds(61)))
                .expectException(InvitationNotPending.class)
                .expectNoEvents();
    }

    @Test
    void accepting_at_or_after_the_expiry_finds_it_expired_and_adds_nobody() {
        graceInvited()
                .when(new AcceptInvitation(ORG, INVITATION, GRACE, EXPIRES))
                .expectEvents(new InvitationExpired(ORG, INVITATION, "grace@example.com", EXPIRES));
    }

    @Test
    void a_revoked_invitation_cannot_be_accepted() {
        graceInvited()
                .andGivenCommands(new RevokeInvitation(ORG, INVITATION))
                .when(new AcceptInvitation(ORG, INVITATION, GRACE, NOW.plusSeconds(60)))
                .expectException(InvitationNotPending.class)
                .expectNoEvents();
    }

    @Test
    void a_revoked_invitation_cannot_be_revoked_again() {
        graceInvited()
                .andGivenCommands(new RevokeInvitation(ORG, INVITATION))
                .when(new RevokeInvitation(ORG, INVITATION))
                .expectException(InvitationNotPending.class);
    }

    @Test
    void revoking_a_pending_invitation_records_it() {
        graceInvited()
                .when(new RevokeInvitation(ORG, INVITATION))
                .expectEvents(new InvitationRevoked(ORG, INVITATION, "grace@example.com"));
    }

    @Test
    void an_invitation_of_another_org_or_none_cannot_be_revoked() {
        anOrg().when(new RevokeInvitation(ORG, UUID.randomUUID()))
                .expectException(InvitationNotPending.class)
                .expectNoEvents();
    }

    @Test
    void a_pending_invitation_expires_at_its_deadline() {
        graceInvited()
                .whenThenTimeAdvancesTo(EXPIRES)
                .expectTriggeredDeadlinesWithName(Org.INVITATION_EXPIRY)
                .expectEvents(new InvitationExpired(ORG, INVITATION, "grace@example.com", EXPIRES));
    }

    @Test
    void an_invitation_accepted_in_time_is_left_alone_by_its_deadline() {
        graceInvited()
                .andGivenCommands(new AcceptInvitation(ORG, INVITATION, GRACE, NOW.plusSeconds(60)))
                .whenThenTimeAdvancesTo(EXPIRES)
                .expectTriggeredDeadlinesWithName(Org.INVITATION_EXPIRY)
                .expectNoEvents();
    }

    @Test
    void an_invitation_revoked_in_time_is_left_alone_by_its_deadline() {
        graceInvited()
                .andGivenCommands(new RevokeInvitation(ORG, INVITATION))
                .whenThenTimeAdvancesTo(EXPIRES)
                .expectNoEvents();
    }

    @Test
    void an_expired_invitation_cannot_be_accepted() {
        graceInvited()
                .andGivenCommands(new AcceptInvitation(ORG, INVITATION, GRACE, EXPIRES))
                .when(new AcceptInvitation(ORG, INVITATION, GRACE, EXPIRES))
                .expectException(InvitationNotPending.class);
    }
}
