package io.runledger.domain.org;

import static io.runledger.domain.shared.Verdicts.Refusal.invalid;
import static io.runledger.domain.shared.Verdicts.then;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.SpawnedAggregates;
import io.runledger.domain.shared.Verdicts;
import io.runledger.domain.shared.Verdicts.Case;
import io.runledger.domain.shared.Verdicts.Refusal;
import io.runledger.domain.subscription.Plan;
import io.runledger.domain.subscription.Subscription;
import io.runledger.domain.subscription.SubscriptionIds;
import io.runledger.domain.subscription.SubscriptionStarted;
import io.runledger.domain.subscription.SubscriptionStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID INVITATION = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final String LONGEST_SLUG = "a" + "-b".repeat(31);

    private final FixtureConfiguration<Org> fixture = new AggregateTestFixture<>(Org.class);
    private final Verdicts<Org> verdict = new Verdicts<>(fixture);
    // Creating an org spawns its subscription.
    private final SpawnedAggregates subscriptions = SpawnedAggregates.allowSpawning(fixture, Subscription.class);

    private static OrgCreated created() {
        return new OrgCreated(ORG, "Acme", "acme", ALICE);
    }

    /** Founded by Alice, with Bob a member as {@code role}, and what came next. */
    private static List<Object> withBob(Role role, Object... next) {
        return then(founded(new MemberAdded(ORG, BOB, role)), next);
    }

    /** Created by Alice, its owner, and what came next. */
    private static List<Object> founded(Object... next) {
        return then(List.of(created(), new MemberAdded(ORG, ALICE, Role.OWNER)), next);
    }

    @Test
    void creating_an_org_makes_the_creator_its_owner_and_starts_a_fourteen_day_free_trial() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrg(ORG, "Acme", "acme", ALICE, NOW))
                .expectEvents(created(), new MemberAdded(ORG, ALICE, Role.OWNER))
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-15T10:00:00Z"), Subscription.TRIAL_END);
        assertThat(subscriptions.eventsOf(SubscriptionIds.forOrg(ORG)))
                .containsExactly(new SubscriptionStarted(
                        ORG,
                        SubscriptionIds.forOrg(ORG),
                        Plan.FREE,
                        SubscriptionStatus.TRIALING,
                        Instant.parse("2026-11-15T10:00:00Z")));
    }

    @Test
    void an_org_without_a_name_is_not_created() {
        verdict.refused(List.of(), new CreateOrg(ORG, "  ", "acme", ALICE, NOW), InvalidCommand.class);
    }

    @Test
    void a_slug_is_taken_in_lower_case_without_surrounding_spaces() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrg(ORG, "Acme", "  Acme-Labs ", ALICE, NOW))
                .expectEvents(new OrgCreated(ORG, "Acme", "acme-labs", ALICE), new MemberAdded(ORG, ALICE, Role.OWNER));
    }

    @Test
    void a_slug_with_inner_spaces_is_rejected() {
        verdict.refused(List.of(), new CreateOrg(ORG, "Acme", "Acme Inc", ALICE, NOW), InvalidCommand.class)
                .expectExceptionMessage("Slug 'acme inc' must be 1 to 63 lowercase letters, digits or inner hyphens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-acme", "acme-", "acme_labs", "acmé"})
    void a_slug_that_is_empty_or_not_a_clean_url_label_is_rejected(String slug) {
        verdict.refused(List.of(), new CreateOrg(ORG, "Acme", slug, ALICE, NOW), InvalidCommand.class);
    }

    @Test
    void a_slug_may_have_63_characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrg(ORG, "Acme", LONGEST_SLUG, ALICE, NOW))
                .expectEvents(
                        new OrgCreated(ORG, "Acme", LONGEST_SLUG, ALICE), new MemberAdded(ORG, ALICE, Role.OWNER));
    }

    @Test
    void a_slug_of_64_characters_is_rejected() {
        verdict.refused(List.of(), new CreateOrg(ORG, "Acme", LONGEST_SLUG + "c", ALICE, NOW), InvalidCommand.class);
    }

    @Test
    void an_org_may_be_created_without_a_slug() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrg(ORG, "Acme", null, ALICE, NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrgCreated(ORG, "Acme", null, ALICE), new MemberAdded(ORG, ALICE, Role.OWNER));
    }

    @TestFactory
    Stream<DynamicTest> its_name_settings_and_members_change_by_their_commands() {
        return verdict.acceptEach(
                Case.of(List.of(created()), new RenameOrg(ORG, "Acme Labs"), new OrgRenamed(ORG, "Acme Labs")),
                // the complete new settings
                Case.of(
                        List.of(created()),
                        new ChangeOrgSettings(ORG, Map.of("timezone", "Europe/Paris")),
                        new OrgSettingsChanged(ORG, Map.of("timezone", "Europe/Paris"))),
                Case.of(founded(), new AddMember(ORG, BOB, Role.DEVELOPER), new MemberAdded(ORG, BOB, Role.DEVELOPER)),
                // a role changed, or a member removed, records the role held before
                Case.of(
                        withBob(Role.VIEWER),
                        new ChangeMemberRole(ORG, BOB, Role.ADMIN),
                        new MemberRoleChanged(ORG, BOB, Role.VIEWER, Role.ADMIN)),
                Case.of(
                        withBob(Role.DEVELOPER),
                        new RemoveMember(ORG, BOB),
                        new MemberRemoved(ORG, BOB, Role.DEVELOPER)),
                // an owner may step down, or leave, while another owner remains
                Case.of(
                        withBob(Role.ADMIN, new MemberRoleChanged(ORG, BOB, Role.ADMIN, Role.OWNER)),
                        new ChangeMemberRole(ORG, ALICE, Role.DEVELOPER),
                        new MemberRoleChanged(ORG, ALICE, Role.OWNER, Role.DEVELOPER)),
                Case.of(withBob(Role.OWNER), new RemoveMember(ORG, ALICE), new MemberRemoved(ORG, ALICE, Role.OWNER)),
                // asked for what it already is, it changes nothing
                Case.of(List.of(created()), new RenameOrg(ORG, "Acme")),
                Case.of(
                        List.of(created(), new OrgSettingsChanged(ORG, Map.of("timezone", "UTC"))),
                        new ChangeOrgSettings(ORG, Map.of("timezone", "UTC"))),
                Case.of(withBob(Role.VIEWER), new ChangeMemberRole(ORG, BOB, Role.VIEWER)));
    }

    @TestFactory
    Stream<DynamicTest> a_command_that_breaks_a_membership_rule_is_refused() {
        return verdict.refuseEach(
                invalid(List.of(created()), new RenameOrg(ORG, ""), "An org needs a name"),
                new Refusal(
                        withBob(Role.VIEWER),
                        new AddMember(ORG, BOB, Role.ADMIN),
                        MemberAlreadyPresent.class,
                        "User " + BOB + " is already a member of org " + ORG + ", as viewer"),
                notAMember(new ChangeMemberRole(ORG, BOB, Role.ADMIN)),
                notAMember(new RemoveMember(ORG, BOB)),
                lastOwner(new ChangeMemberRole(ORG, ALICE, Role.ADMIN)),
                lastOwner(new RemoveMember(ORG, ALICE)));
    }

    private static Refusal notAMember(Object command) {
        return new Refusal(founded(), command, NotAMember.class, "User " + BOB + " is not a member of org " + ORG);
    }

    /** Alice, the only owner, with Bob an admin. */
    private static Refusal lastOwner(Object command) {
        return new Refusal(
                withBob(Role.ADMIN),
                command,
                LastOwnerProtected.class,
                "User " + ALICE + " is the last owner of org " + ORG + "; make another member owner first");
    }

    @Test
    void erasing_the_orgs_content_is_recorded_once() {
        fixture.given(founded())
                .when(new EraseOrg(ORG, "contract ended", List.of(INVITATION)))
                .expectEvents(new OrgErased(ORG, "contract ended", List.of(INVITATION)));
        // as stored before erasure named invitations
        verdict.changesNothing(
                List.of(created(), new OrgErased(ORG, "contract ended", null)), new EraseOrg(ORG, "again", List.of()));
    }

    /** Sent to an email, accepted at its first sign-in before it expires, revoked, or expired by a deadline. */
    @Nested
    class Invitations {
        private static final UUID GRACE = UUID.randomUUID();
        private static final Instant EXPIRES = NOW.plus(Duration.ofDays(7));

        private TestExecutor<Org> anOrg() {
            return fixture.givenCurrentTime(NOW).andGiven(founded());
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
}
