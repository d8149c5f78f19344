package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.util.Map;
import java.util.UUID;

import io.runledger.domain.org.OrgRenamed;
import io.runledger.domain.org.OrgSettingsChanged;
import io.runledger.domain.user.UserRegistered;
import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@RunledgerIntegrationTest
class MembersApiTest extends OrgOwnerApiTest {

    @Autowired
    StoredEvents storedEvents;

    private String teammate;
    private String teammateEmail;

    MembersApiTest() {
        super("owner", "Acme");
    }

    @BeforeEach
    void a_teammate_who_signed_in_once() {
        teammateEmail = "mate-" + UUID.randomUUID() + "@example.com";
        teammate = owner.someoneOnRecord(teammateEmail);
    }

    private ResponseEntity<Map<String, Object>> addTeammate(String as, String role) {
        return api.send(
                POST,
                "/v1/orgs/" + owner.orgId() + "/members",
                as,
                "{\"email\":\"" + teammateEmail.toUpperCase() + "\",\"role\":\"" + role + "\"}");
    }

    private int eventsOfOrg() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class, owner.orgId());
    }

    @Test
    void an_owner_adds_a_teammate_by_email_with_a_role() {
        ResponseEntity<Map<String, Object>> added = addTeammate(owner.token(), "developer");

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody()).containsEntry("role", "developer").containsEntry("orgId", owner.orgId());
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'role' from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 2
                """, String.class, owner.orgId())).isEqualTo("DEVELOPER");
    }

    @Test
    void a_developer_may_not_add_members() {
        addTeammate(owner.token(), "developer");
        int before = eventsOfOrg();

        ResponseEntity<Map<String, Object>> refused = api.send(
                POST,
                "/v1/orgs/" + owner.orgId() + "/members",
                teammate,
                "{\"email\":\"someone@example.com\",\"role\":\"viewer\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody())
                .containsEntry("type", "https://runledger.io/problems/forbidden")
                .containsEntry("detail", "This needs the admin role or higher; you are developer");
        assertThat(eventsOfOrg()).isEqualTo(before);
    }

    @Test
    void an_admin_may_not_make_owners() {
        addTeammate(owner.token(), "admin");
        String thirdEmail = "third-" + UUID.randomUUID() + "@example.com";
        api.createOrg(api.tokenFor(thirdEmail), "Third");

        ResponseEntity<Map<String, Object>> refused = api.send(
                POST,
                "/v1/orgs/" + owner.orgId() + "/members",
                teammate,
                "{\"email\":\"" + thirdEmail + "\",\"role\":\"owner\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void someone_outside_the_org_gets_404_on_every_member_endpoint_and_changes_nothing() {
        int before = eventsOfOrg();
        String members = "/v1/orgs/" + owner.orgId() + "/members";
        String someMember = members + "/" + UUID.randomUUID();

        assertThat(api.send(POST, members, teammate, "{\"email\":\"x@example.com\",\"role\":\"viewer\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send(PATCH, someMember, teammate, "{\"role\":\"viewer\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> removal = api.send(DELETE, someMember, teammate, null);
        assertThat(removal.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(removal.getBody()).containsEntry("type", "https://runledger.io/problems/not-found");
        assertThat(eventsOfOrg()).isEqualTo(before);
    }

    @Test
    void the_last_owner_cannot_be_removed() {
        String ownerId = jdbc.queryForObject(
                "select user_id::text from access_memberships where org_id = ?::uuid and role = 'OWNER'",
                String.class,
                owner.orgId());

        ResponseEntity<Map<String, Object>> refused = owner.send(DELETE, "/members/" + ownerId, null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/last-owner-protected");
    }

    @Test
    void a_role_change_and_a_removal_are_recorded() {
        String mateId = (String) addTeammate(owner.token(), "viewer").getBody().get("userId");

        assertThat(owner.send(PATCH, "/members/" + mateId, "{\"role\":\"admin\"}")
                        .getBody())
                .containsEntry("role", "admin");
        assertThat(owner.send(DELETE, "/members/" + mateId, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForList("""
                select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number
                """, String.class, owner.orgId()))
                .containsExactly(
                        "io.runledger.domain.org.OrgCreated",
                        "io.runledger.domain.org.MemberAdded",
                        "io.runledger.domain.org.MemberAdded",
                        "io.runledger.domain.org.MemberRoleChanged",
                        "io.runledger.domain.org.MemberRemoved");
    }

    @Test
    void adding_someone_who_never_signed_in_says_what_to_do() {
        ResponseEntity<Map<String, Object>> refused =
                owner.send(POST, "/members", "{\"email\":\"stranger@example.com\",\"role\":\"viewer\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/unknown-user");
    }

    @Test
    void an_unknown_role_or_a_malformed_id_is_a_400() {
        assertThat(addTeammate(owner.token(), "superuser").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map<String, Object>> badId =
                api.send(DELETE, "/v1/orgs/not-a-uuid/members/42", owner.token(), null);
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody()).containsEntry("type", "https://runledger.io/problems/invalid-parameter");
    }

    @Test
    void a_second_sign_in_provider_cannot_claim_an_email_that_is_taken() {
        String sameEmailViaGoogle = api.tokenFor(teammateEmail, "google");

        ResponseEntity<Map<String, Object>> refused =
                api.send(POST, "/v1/orgs", sameEmailViaGoogle, "{\"name\":\"Dup\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/email-already-registered");
        assertThat(storedEvents.ofType(UserRegistered.class))
                .filteredOn(registered -> registered.email().equals(teammateEmail))
                .hasSize(1);
    }

    @Test
    void an_admin_renames_the_org_and_changes_its_settings_but_a_viewer_may_not() {
        assertThat(owner.send(PATCH, "", "{\"name\":\"Acme Labs\",\"settings\":{\"timezone\":\"Europe/Paris\"}}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        addTeammate(owner.token(), "viewer");
        assertThat(api.send(PATCH, "/v1/orgs/" + owner.orgId(), teammate, "{\"name\":\"Hijacked\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(storedEvents.ofType(OrgRenamed.class))
                .filteredOn(renamed -> renamed.orgId().toString().equals(owner.orgId()))
                .extracting(OrgRenamed::name)
                .containsExactly("Acme Labs");
        assertThat(storedEvents.ofType(OrgSettingsChanged.class))
                .filteredOn(changed -> changed.orgId().toString().equals(owner.orgId()))
                .extracting(OrgSettingsChanged::settings)
                .containsExactly(Map.of("timezone", "Europe/Paris"));
    }
}
