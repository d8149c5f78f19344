package io.runledger.domain.shared;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.org.*;
import io.runledger.domain.pattern.*;
import io.runledger.domain.subscription.*;
import io.runledger.domain.user.*;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command and event of orgs, subscriptions, users and patterns, through Jackson and back. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TenancyMessagesSurviveJsonTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID PATTERN = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    static Stream<Object> messages() {
        return Stream.of(
                new CreateOrg(ORG, "Acme", "acme", USER, AT), new RenameOrg(ORG, "Acme Labs"),
                new ChangeOrgSettings(ORG, Map.of("timezone", "UTC", "limits", Map.of("seats", 5))),
                new AddMember(ORG, USER, Role.ADMIN), new ChangeMemberRole(ORG, USER, Role.VIEWER), new RemoveMember(ORG, USER),
                new OrgCreated(ORG, "Acme", null, USER), new OrgRenamed(ORG, "Acme Labs"),
                new OrgSettingsChanged(ORG, Map.of("timezone", "UTC")), new MemberAdded(ORG, USER, Role.OWNER),
                new MemberRoleChanged(ORG, USER, Role.OWNER, Role.ADMIN), new MemberRemoved(ORG, USER, Role.DEVELOPER),
                new StartSubscription(ORG, AT), new ActivateSubscription(ORG, Plan.PRO, AT), new ChangePlan(ORG, Plan.TEAM),
                new MarkSubscriptionPastDue(ORG), new MarkSubscriptionUnpaid(ORG), new CancelSubscription(ORG),
                new LinkStripeCustomer(ORG, "cus_1"), new LinkStripeSubscription(ORG, "sub_1"),
                new SubscriptionStarted(ORG, SubscriptionIds.forOrg(ORG), Plan.FREE, SubscriptionStatus.TRIALING, AT),
                new SubscriptionActivated(ORG, Plan.PRO, SubscriptionStatus.ACTIVE, AT),
                new SubscriptionPlanChanged(ORG, Plan.PRO, Plan.TEAM, SubscriptionStatus.ACTIVE),
                new SubscriptionMarkedPastDue(ORG, Plan.PRO, SubscriptionStatus.PAST_DUE),
                new SubscriptionMarkedUnpaid(ORG, Plan.PRO, SubscriptionStatus.UNPAID),
                new SubscriptionCanceled(ORG, Plan.PRO, SubscriptionStatus.CANCELED),
                new StripeCustomerLinked(ORG, "cus_1"), new StripeSubscriptionLinked(ORG, "sub_2", "sub_1"),
                new RegisterUser(USER, "ada@example.com", "Ada", AuthProvider.GOOGLE, "g-1"),
                new LinkAuthIdentity(USER, AuthProvider.MAGIC, "ada@example.com"), new RenameUser(USER, "Ada L."),
                new UserRegistered(Platform.ORG_ID, USER, "ada@example.com", "Ada"),
                new AuthIdentityLinked(Platform.ORG_ID, USER, AuthProvider.GITHUB, "gh-1"),
                new UserRenamed(Platform.ORG_ID, USER, "Ada L."),
                new RegisterPattern(PATTERN, "summarize", "Summary", "writing", null),
                new UpdatePattern(PATTERN, null, "Shorter", null, null), new DeactivatePattern(PATTERN), new ReactivatePattern(PATTERN),
                new PatternRegistered(Platform.ORG_ID, PATTERN, "summarize", "Summary", "writing", null),
                new PatternUpdated(Platform.ORG_ID, PATTERN, "summarize", "Shorter", "writing", null),
                new PatternDeactivated(Platform.ORG_ID, PATTERN), new PatternReactivated(Platform.ORG_ID, PATTERN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void survives_the_trip_through_json(Object message) {
        assertSurvivesJson(message);
    }
}
