package io.runledger.domain.org;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every org command and event, through Jackson and back. */
class OrgMessagesSurviveJsonTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID INVITATION = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    static Stream<Object> messages() {
        return Stream.of(
                new CreateOrg(ORG, "Acme", "acme", USER, AT),
                new RenameOrg(ORG, "Acme Labs"),
                new ChangeOrgSettings(ORG, Map.of("timezone", "UTC", "limits", Map.of("seats", 5))),
                new AddMember(ORG, USER, Role.ADMIN),
                new ChangeMemberRole(ORG, USER, Role.VIEWER),
                new RemoveMember(ORG, USER),
                new OrgCreated(ORG, "Acme", null, USER),
                new OrgRenamed(ORG, "Acme Labs"),
                new OrgSettingsChanged(ORG, Map.of("timezone", "UTC")),
                new MemberAdded(ORG, USER, Role.OWNER),
                new MemberRoleChanged(ORG, USER, Role.OWNER, Role.ADMIN),
                new MemberRemoved(ORG, USER, Role.DEVELOPER),
                new EraseOrg(ORG, "contract ended", List.of(UUID.randomUUID())),
                new OrgErased(ORG, "contract ended", List.of(UUID.randomUUID())),
                new SendInvitation(ORG, INVITATION, "grace@example.com", Role.VIEWER, AT),
                new AcceptInvitation(ORG, INVITATION, USER, AT),
                new RevokeInvitation(ORG, INVITATION),
                new InvitationSent(ORG, INVITATION, "grace@example.com", Role.VIEWER, AT),
                new InvitationAccepted(ORG, INVITATION, "grace@example.com", USER, Role.VIEWER),
                new InvitationRevoked(ORG, INVITATION, "grace@example.com"),
                new InvitationExpired(ORG, INVITATION, "grace@example.com", AT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void survives_the_trip_through_json(Object message) {
        assertSurvivesJson(message);
    }
}
