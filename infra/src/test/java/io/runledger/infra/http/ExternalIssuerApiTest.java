package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.runledger.infra.security.ListeningAddresses;
import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * People signing in with an identity provider's tokens (not the development issuer): what a token's claims may
 * register, tried against the {@code users} and {@code auth_identities} read models.
 */
@RunledgerIntegrationTest
class ExternalIssuerApiTest {

    private static final TestIssuer ISSUER = new TestIssuer();

    @DynamicPropertySource
    static void acceptTheTestIssuer(DynamicPropertyRegistry properties) {
        ISSUER.useIn(properties);
    }

    @AfterAll
    static void stopTheIssuer() {
        ISSUER.close();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
    }

    private static String token(String issuer, String subject, String email, String name) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("email", email);
        claims.put("name", name);
        claims.put("provider", "github");
        return ISSUER.token(claims);
    }

    private ResponseEntity<Map<String, Object>> firstRequest(String token) {
        return api.send(POST, "/v1/orgs", token, "{\"name\":\"Signed in\"}");
    }

    private long registrations(String email) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type = 'io.runledger.domain.user.UserRegistered'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'email' = ?
                """, Long.class, email);
    }

    private void awaitReadUser(String email) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.queryForList("select email from users where email = ?", String.class, email)).containsExactly(email));
    }

    @Test
    void one_sign_in_identity_belongs_to_one_person_even_across_issuers() {
        String subject = "gh-" + UUID.randomUUID();
        String first = "first-" + subject + "@example.com";
        String second = "second-" + subject + "@example.com";
        String later = "later-" + subject + "@example.com";

        ResponseEntity<Map<String, Object>> registered = firstRequest(token("https://old-idp.example.com", subject, first, "First"));
        ResponseEntity<Map<String, Object>> refused = firstRequest(token("https://new-idp.example.com", subject, second, "Second"));
        ResponseEntity<Map<String, Object>> afterwards = firstRequest(
                token("https://new-idp.example.com", "gh-" + UUID.randomUUID(), later, "Later"));

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/identity-already-linked")
                .containsEntry("detail", "The github account '" + subject + "' already belongs to another user");
        assertThat(registrations(second)).isZero();
        assertThat(afterwards.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // read-users went past the refused sign-up: the person after it is there, the identity is the first person's
        awaitReadUser(later);
        assertThat(jdbc.queryForList("""
                select u.email from auth_identities i join users u on u.id = i.user_id
                where i.provider = 'github' and i.provider_user_id = ?
                """, String.class, subject)).containsExactly(first);
    }

    @Test
    void a_token_without_a_subject_registers_no_one() {
        String email = "nobody-" + UUID.randomUUID() + "@example.com";

        ResponseEntity<Map<String, Object>> refused = firstRequest(token("https://idp.example.com", null, email, "Nobody"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/invalid-command");
        assertThat(registrations(email)).isZero();
    }

    @Test
    void a_claim_the_database_cannot_store_is_refused_and_registers_no_one() {
        String email = "nul-" + UUID.randomUUID() + "@example.com";

        ResponseEntity<Map<String, Object>> refused = firstRequest(token("https://idp.example.com", "s-" + email, email,
                "Ada\u0000Lovelace"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/invalid-text")
                .containsEntry("in", "token").containsEntry("field", "name");
        assertThat(registrations(email)).isZero();
    }

    @Test
    void with_an_issuer_configured_there_are_no_development_tokens_and_the_listening_address_is_left_as_configured() {
        ResponseEntity<Map<String, Object>> minted = api.send(POST, "/dev/tokens", null,
                "{\"email\":\"admin@runledger.example\",\"name\":\"Admin\"}");

        assertThat(minted.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(ListeningAddresses.boundAddress(context)).isEmpty();
    }
}
