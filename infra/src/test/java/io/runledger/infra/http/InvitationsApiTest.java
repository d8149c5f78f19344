package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.TestClock;
import io.runledger.infra.testing.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Invitations by email for people who have not signed in yet: sent, accepted at the first sign-in, revoked, expired. */
@RunledgerIntegrationTest
@Import(TestClockConfiguration.class)
class InvitationsApiTest extends OrgOwnerApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    TestClock clock;

    @Autowired
    Scheduler scheduler;

    private String inviteeEmail;

    InvitationsApiTest() {
        super("owner", "Acme");
    }

    @BeforeEach
    void someone_who_never_signed_in() {
        inviteeEmail = "invitee-" + UUID.randomUUID() + "@example.com";
    }

    private ResponseEntity<Map<String, Object>> invite(String as, String email, String role, String idempotencyKey) {
        return api.send(
                POST, invitations(), as, "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}", idempotencyKey);
    }

    private String invitations() {
        return "/v1/orgs/" + owner.orgId() + "/invitations";
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String path, String as) {
        ResponseEntity<Map<String, Object>> page = api.send(GET, path, as, null);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) page.getBody().get("items");
    }

    private int invitationEvents() {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like 'io.runledger.domain.org.Invitation%'
                """, Integer.class, owner.orgId());
    }

    private String statusOf(String invitationId) {
        return items(invitations(), owner.token()).stream()
                .filter(item -> item.get("id").equals(invitationId))
                .map(item -> (String) item.get("status"))
                .findFirst()
                .orElse("absent");
    }

    @Test
    void the_first_sign_in_with_the_invited_email_makes_them_a_member_with_the_invited_role() {
        ResponseEntity<Map<String, Object>> sent = invite(owner.token(), inviteeEmail.toUpperCase(), "admin", null);

        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(sent.getBody())
                .containsEntry("email", inviteeEmail)
                .containsEntry("role", "admin")
                .containsEntry("status", "pending")
                .containsEntry("orgId", owner.orgId())
                .containsKeys("id", "expiresAt");
        String invitationId = (String) sent.getBody().get("id");
        assertThat(sent.getHeaders().getLocation()).hasPath(invitations() + "/" + invitationId);
        await().atMost(WAIT).until(() -> statusOf(invitationId).equals("pending"));

        String invitee = api.tokenFor(inviteeEmail);
        assertThat(api.send(GET, "/v1/orgs", invitee, null).getStatusCode()).isEqualTo(HttpStatus.OK); // signs in

        await().atMost(WAIT).until(() -> statusOf(invitationId).equals("accepted"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(items("/v1/orgs/" + owner.orgId() + "/members", owner.token()))
                        .anySatisfy(member -> assertThat(member)
                                .containsEntry("email", inviteeEmail)
                                .containsEntry("name", "Test Person")
                                .containsEntry("role", "admin")
                                .containsKeys("userId", "joinedAt")));
        // the new admin acts at once
        assertThat(api.send(GET, "/v1/orgs/" + owner.orgId() + "/members", invitee, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(invite(invitee, "third-" + inviteeEmail, "viewer", null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(api.send(DELETE, invitations() + "/" + invitationId, owner.token(), null)
                        .getBody())
                .containsEntry("type", "https://runledger.io/problems/invitation-not-pending");
        await().atMost(WAIT).untilAsserted(() -> assertThat(items(
                        "/v1/orgs/" + owner.orgId() + "/system-logs?actionType=invitation_accepted", owner.token()))
                .extracting(entry -> entry.get("message"))
                .containsExactly(inviteeEmail + " accepted the invitation as admin"));
    }

    @Test
    void a_second_invitation_to_a_pending_email_is_refused_but_a_retry_with_the_same_key_answers_the_first() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<Map<String, Object>> first = invite(owner.token(), inviteeEmail, "developer", key);
        ResponseEntity<Map<String, Object>> retry = invite(owner.token(), inviteeEmail, "developer", key);
        ResponseEntity<Map<String, Object>> second = invite(owner.token(), inviteeEmail, "viewer", null);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).containsEntry("id", first.getBody().get("id"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody()).containsEntry("type", "https://runledger.io/problems/invitation-already-pending");
        assertThat(invitationEvents()).isEqualTo(1);
    }

    @Test
    void a_revoked_invitation_is_settled_and_the_email_can_be_invited_again() {
        String invitationId = (String)
                invite(owner.token(), inviteeEmail, "developer", null).getBody().get("id");

        assertThat(api.send(DELETE, invitations() + "/" + invitationId, owner.token(), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> again =
                api.send(DELETE, invitations() + "/" + invitationId, owner.token(), null);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("type", "https://runledger.io/problems/invitation-not-pending");
        await().atMost(WAIT).until(() -> statusOf(invitationId).equals("revoked"));
        assertThat(invite(owner.token(), inviteeEmail, "viewer", null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void an_invitation_nobody_accepted_expires_at_its_deadline_and_its_email_joins_nothing() {
        String invitationId = (String)
                invite(owner.token(), inviteeEmail, "developer", null).getBody().get("id");

        clock.advance(Duration.ofDays(8));
        owner = owner.signedInAgain(); // tokens expire by the service's clock
        scheduler.triggerCheckForDueExecutions();

        await().atMost(WAIT).until(() -> statusOf(invitationId).equals("expired"));
        assertThat(jdbc.queryForObject("""
                select metadata_actor from (select convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' as metadata_actor
                from domain_event_entry where payload_type = 'io.runledger.domain.org.InvitationExpired'
                  and aggregate_identifier = ?) expired
                """, String.class, owner.orgId())).isEqualTo("system");
        ResponseEntity<Map<String, Object>> revoke =
                api.send(DELETE, invitations() + "/" + invitationId, owner.token(), null);
        assertThat(revoke.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.send(GET, "/v1/orgs", api.tokenFor(inviteeEmail), null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("""
                select count(*) from access_memberships m join access_users u using (user_id)
                where m.org_id = ?::uuid and u.email = ?
                """, Integer.class, owner.orgId(), inviteeEmail))
                .isZero();
    }

    @Test
    void someone_who_signed_in_already_is_added_as_a_member_not_invited() {
        api.send(GET, "/v1/orgs", api.tokenFor(inviteeEmail), null);

        ResponseEntity<Map<String, Object>> refused = invite(owner.token(), inviteeEmail, "developer", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/already-registered");
        assertThat(invitationEvents()).isZero();
    }

    @Test
    void another_tenant_gets_404_on_every_invitation_endpoint_and_changes_nothing() {
        String invitationId = (String)
                invite(owner.token(), inviteeEmail, "developer", null).getBody().get("id");
        String stranger = api.tokenFor("stranger-" + UUID.randomUUID() + "@example.com");
        String strangersOrg = api.createOrg(stranger, "Elsewhere");

        assertThat(invite(stranger, "x-" + inviteeEmail, "viewer", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send(GET, invitations(), stranger, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send(GET, "/v1/orgs/" + owner.orgId() + "/members", stranger, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send(DELETE, invitations() + "/" + invitationId, stranger, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // their own org's path with this org's invitation: not theirs either
        ResponseEntity<Map<String, Object>> crossed =
                api.send(DELETE, "/v1/orgs/" + strangersOrg + "/invitations/" + invitationId, stranger, null);
        assertThat(crossed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(crossed.getBody()).containsEntry("type", "https://runledger.io/problems/not-found");
        assertThat(invitationEvents()).isEqualTo(1);
    }

    @Test
    void a_viewer_may_not_invite_or_revoke_and_an_admin_may_not_invite_owners() {
        String viewer = owner.member("viewer-" + inviteeEmail, "viewer");
        String invitationId = (String)
                invite(owner.token(), inviteeEmail, "developer", null).getBody().get("id");

        ResponseEntity<Map<String, Object>> refused = invite(viewer, "y-" + inviteeEmail, "viewer", null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/forbidden");
        assertThat(api.send(DELETE, invitations() + "/" + invitationId, viewer, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(items(invitations(), viewer)).hasSize(1)); // every member reads

        String admin = owner.member("admin-" + inviteeEmail, "admin");
        assertThat(invite(admin, "z-" + inviteeEmail, "owner", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(invitationEvents()).isEqualTo(1);
    }
}
