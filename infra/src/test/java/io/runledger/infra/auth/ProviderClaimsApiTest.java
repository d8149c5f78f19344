package io.runledger.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.runledger.command.access.IdentityAlreadyLinked;
import io.runledger.domain.user.AuthProvider;
import io.runledger.domain.user.RegisterUser;
import io.runledger.domain.user.UserRegistered;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a provider's token may register, tried against the {@code users} and {@code auth_identities} read
 * models: claims the database cannot store, and a sign-in identity claimed by a second person.
 */
@RunledgerIntegrationTest
class ProviderClaimsApiTest extends ApiTest {

    static final FakeIdentityProvider PROVIDER = new FakeIdentityProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        PROVIDER.useByKeySet(properties);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    CommandGateway commands;

    @Autowired
    ApplicationContext context;

    private ResponseEntity<Map<String, Object>> firstRequest(String token) {
        return api.send(POST, "/v1/orgs", token, "{\"name\":\"Signed in\"}");
    }

    private long registrations(String email) {
        return storedEvents.ofType(UserRegistered.class).stream()
                .filter(registered -> registered.email().equals(email))
                .count();
    }

    private void awaitReadUser(String email) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        jdbc.queryForList("select email from users where email = ?", String.class, email))
                .containsExactly(email));
    }

    @Test
    void one_sign_in_identity_belongs_to_one_person_even_when_another_issuer_names_the_same_subject() {
        String first = "first-" + UUID.randomUUID() + "@example.com";
        String later = "later-" + UUID.randomUUID() + "@example.com";
        assertThat(firstRequest(PROVIDER.token(PROVIDER.claims(first))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // an operator who changes the issuer gives the same subject a new user id: the identity stays the first
        // person's
        String second = "second-" + UUID.randomUUID() + "@example.com";
        assertThatThrownBy(() -> commands.sendAndWait(
                        new RegisterUser(UUID.randomUUID(), second, "Second", AuthProvider.MAGIC, "idp|" + first)))
                .isInstanceOf(IdentityAlreadyLinked.class)
                .hasMessage("The magic account 'idp|" + first + "' already belongs to another user");
        assertThat(registrations(second)).isZero();

        // read-users went past the refused sign-up: the person after it is there, the identity is the first person's
        assertThat(firstRequest(PROVIDER.token(PROVIDER.claims(later))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        awaitReadUser(later);
        assertThat(jdbc.queryForList("""
                select u.email from auth_identities i join users u on u.id = i.user_id
                where i.provider_user_id = ?
                """, String.class, "idp|" + first)).containsExactly(first);
    }

    @Test
    void a_claim_the_database_cannot_store_is_refused_and_registers_no_one() {
        String email = "nul-" + UUID.randomUUID() + "@example.com";

        ResponseEntity<Map<String, Object>> refused =
                firstRequest(PROVIDER.token(PROVIDER.claims(email).claim("name", "Ada\u0000Lovelace")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody())
                .containsEntry("type", "https://runledger.io/problems/invalid-text")
                .containsEntry("in", "token")
                .containsEntry("field", "name");
        assertThat(registrations(email)).isZero();
    }

    @Test
    void with_an_issuer_configured_there_are_no_development_tokens_and_the_listening_address_is_left_as_configured() {
        ResponseEntity<Map<String, Object>> minted =
                api.send(POST, "/dev/tokens", null, "{\"email\":\"admin@runledger.example\",\"name\":\"Admin\"}");

        assertThat(minted.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(ListeningAddresses.boundAddress(context)).isEmpty();
    }
}
