package io.runledger.domain.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.SpawnedAggregates;
import io.runledger.domain.shared.Verdicts;
import io.runledger.domain.subscription.Plan;
import io.runledger.domain.subscription.Subscription;
import io.runledger.domain.subscription.SubscriptionIds;
import io.runledger.domain.subscription.SubscriptionStarted;
import io.runledger.domain.subscription.SubscriptionStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
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

    private OrgCreated created() {
        return new OrgCreated(ORG, "Acme", "acme", ALICE);
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

    @Test
    void renaming_an_org_records_the_new_name() {
        fixture.given(created()).when(new RenameOrg(ORG, "Acme Labs")).expectEvents(new OrgRenamed(ORG, "Acme Labs"));
    }

    @Test
    void renaming_an_org_to_its_current_name_changes_nothing() {
        verdict.changesNothing(List.of(created()), new RenameOrg(ORG, "Acme"));
    }

    @Test
    void renaming_an_org_to_a_blank_name_is_rejected() {
        verdict.refused(List.of(created()), new RenameOrg(ORG, ""), InvalidCommand.class);
    }

    @Test
    void changing_settings_records_the_complete_new_settings() {
        fixture.given(created())
                .when(new ChangeOrgSettings(ORG, Map.of("timezone", "Europe/Paris")))
                .expectEvents(new OrgSettingsChanged(ORG, Map.of("timezone", "Europe/Paris")));
    }

    @Test
    void changing_settings_to_the_current_settings_changes_nothing() {
        verdict.changesNothing(
                List.of(created(), new OrgSettingsChanged(ORG, Map.of("timezone", "UTC"))),
                new ChangeOrgSettings(ORG, Map.of("timezone", "UTC")));
    }

    @Test
    void a_new_member_joins_with_the_given_role() {
        fixture.given(created(), new MemberAdded(ORG, ALICE, Role.OWNER))
                .when(new AddMember(ORG, BOB, Role.DEVELOPER))
                .expectEvents(new MemberAdded(ORG, BOB, Role.DEVELOPER));
    }

    @Test
    void a_member_cannot_be_added_twice() {
        verdict.refused(
                List.of(created(), new MemberAdded(ORG, ALICE, Role.OWNER), new MemberAdded(ORG, BOB, Role.VIEWER)),
                new AddMember(ORG, BOB, Role.ADMIN),
                MemberAlreadyPresent.class);
    }

    @Test
    void changing_a_role_records_the_previous_one() {
        fixture.given(created(), new MemberAdded(ORG, ALICE, Role.OWNER), new MemberAdded(ORG, BOB, Role.VIEWER))
                .when(new ChangeMemberRole(ORG, BOB, Role.ADMIN))
                .expectEvents(new MemberRoleChanged(ORG, BOB, Role.VIEWER, Role.ADMIN));
    }

    @Test
    void changing_a_role_to_the_role_held_changes_nothing() {
        verdict.changesNothing(
                List.of(created(), new MemberAdded(ORG, ALICE, Role.OWNER), new MemberAdded(ORG, BOB, Role.VIEWER)),
                new ChangeMemberRole(ORG, BOB, Role.VIEWER));
    }

    @Test
    void the_role_of_a_non_member_cannot_be_changed() {
        verdict.refused(
                List.of(created(), new MemberAdded(ORG, ALICE, Role.OWNER)),
                new ChangeMemberRole(ORG, BOB, Role.ADMIN),
                NotAMember.class);
    }

    @Test
    void the_last_owner_cannot_be_demoted() {
        verdict.refused(
                List.of(created(), new MemberAdded(ORG, ALICE, Role.OWNER), new MemberAdded(ORG, BOB, Role.ADMIN)),
                new ChangeMemberRole(ORG, ALICE, Role.ADMIN),
                LastOwnerProtected.class);
    }

    @Test
    void an_owner_may_step_down_once_there_is_another_owner() {
        fixture.given(
                        created(),
                        new MemberAdded(ORG, ALICE, Role.OWNER),
                        new MemberAdded(ORG, BOB, Role.ADMIN),
                        new MemberRoleChanged(ORG, BOB, Role.ADMIN, Role.OWNER))
                .when(new ChangeMemberRole(ORG, ALICE, Role.DEVELOPER))
                .expectEvents(new MemberRoleChanged(ORG, ALICE, Role.OWNER, Role.DEVELOPER));
    }

    @Test
    void removing_a_member_records_the_role_they_had() {
        fixture.given(created(), new MemberAdded(ORG, ALICE, Role.OWNER), new MemberAdded(ORG, BOB, Role.DEVELOPER))
                .when(new RemoveMember(ORG, BOB))
                .expectEvents(new MemberRemoved(ORG, BOB, Role.DEVELOPER));
    }

    @Test
    void a_non_member_cannot_be_removed() {
        verdict.refused(
                List.of(created(), new MemberAdded(ORG, ALICE, Role.OWNER)),
                new RemoveMember(ORG, BOB),
                NotAMember.class);
    }

    @Test
    void the_last_owner_cannot_be_removed() {
        verdict.refused(
                        List.of(
                                created(),
                                new MemberAdded(ORG, ALICE, Role.OWNER),
                                new MemberAdded(ORG, BOB, Role.ADMIN)),
                        new RemoveMember(ORG, ALICE),
                        LastOwnerProtected.class)
                .expectExceptionMessage(
                        "User " + ALICE + " is the last owner of org " + ORG + "; make another member owner first");
    }

    @Test
    void an_owner_may_leave_while_another_owner_remains() {
        fixture.given(created(), new MemberAdded(ORG, ALICE, Role.OWNER), new MemberAdded(ORG, BOB, Role.OWNER))
                .when(new RemoveMember(ORG, ALICE))
                .expectEvents(new MemberRemoved(ORG, ALICE, Role.OWNER));
    }

    @Test
    void erasing_the_orgs_content_is_recorded_once() {
        fixture.given(created(), new MemberAdded(ORG, ALICE, Role.OWNER))
                .when(new EraseOrg(ORG, "contract ended", List.of(INVITATION)))
                .expectEvents(new OrgErased(ORG, "contract ended", List.of(INVITATION)));
        // as stored before erasure named invitations
        verdict.changesNothing(
                List.of(created(), new OrgErased(ORG, "contract ended", null)), new EraseOrg(ORG, "again", List.of()));
    }
}
