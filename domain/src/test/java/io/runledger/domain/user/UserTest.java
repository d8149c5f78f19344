package io.runledger.domain.user;

import java.util.List;
import java.util.UUID;

import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.Platform;
import io.runledger.domain.shared.Verdicts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID PLATFORM = Platform.ORG_ID;
    private static final UUID INVITATION = UUID.randomUUID();

    private final FixtureConfiguration<User> fixture = new AggregateTestFixture<>(User.class);
    private final Verdicts<User> verdict = new Verdicts<>(fixture);

    @Test
    void registering_stores_a_normalized_email_and_the_sign_in_identity() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER, "  Ada@Example.COM ", "Ada", AuthProvider.GITHUB, "gh-42"))
                .expectEvents(
                        new UserRegistered(PLATFORM, USER, "ada@example.com", "Ada"),
                        new AuthIdentityLinked(PLATFORM, USER, AuthProvider.GITHUB, "gh-42"));
    }

    @Test
    void a_user_without_a_valid_email_is_not_registered() {
        verdict.refused(
                        List.of(),
                        new RegisterUser(USER, "ada-at-example", "Ada", AuthProvider.MAGIC, "ada-at-example"),
                        InvalidCommand.class)
                .expectExceptionMessage("'ada-at-example' is not an email address");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void a_user_without_the_providers_id_of_them_is_not_registered(String providerUserId) {
        verdict.refused(
                        List.of(),
                        new RegisterUser(USER, "ada@example.com", "Ada", AuthProvider.GITHUB, providerUserId),
                        InvalidCommand.class)
                .expectExceptionMessage(
                        "A sign-in identity needs the provider's id of the person (the token's subject)");
        verdict.refused(
                List.of(new UserRegistered(PLATFORM, USER, "ada@example.com", "Ada")),
                new LinkAuthIdentity(USER, AuthProvider.GOOGLE, providerUserId),
                InvalidCommand.class);
    }

    @Test
    void a_second_identity_can_be_linked() {
        fixture.given(
                        new UserRegistered(PLATFORM, USER, "ada@example.com", "Ada"),
                        new AuthIdentityLinked(PLATFORM, USER, AuthProvider.GITHUB, "gh-42"))
                .when(new LinkAuthIdentity(USER, AuthProvider.GOOGLE, "g-7"))
                .expectEvents(new AuthIdentityLinked(PLATFORM, USER, AuthProvider.GOOGLE, "g-7"));
    }

    @Test
    void linking_an_identity_already_linked_changes_nothing() {
        verdict.changesNothing(
                List.of(
                        new UserRegistered(PLATFORM, USER, "ada@example.com", "Ada"),
                        new AuthIdentityLinked(PLATFORM, USER, AuthProvider.GITHUB, "gh-42")),
                new LinkAuthIdentity(USER, AuthProvider.GITHUB, "gh-42"));
    }

    @Test
    void renaming_records_the_new_name() {
        fixture.given(new UserRegistered(PLATFORM, USER, "ada@example.com", "Ada"))
                .when(new RenameUser(USER, "Ada Lovelace"))
                .expectEvents(new UserRenamed(PLATFORM, USER, "Ada Lovelace"));
    }

    @Test
    void renaming_to_the_current_name_changes_nothing() {
        verdict.changesNothing(
                List.of(new UserRegistered(PLATFORM, USER, "ada@example.com", "Ada")), new RenameUser(USER, "Ada"));
    }

    @Test
    void erasing_is_recorded_once() {
        fixture.given(new UserRegistered(PLATFORM, USER, "ada@example.com", "Ada"))
                .when(new EraseUser(USER, "GDPR request", List.of(INVITATION)))
                .expectEvents(new UserErased(PLATFORM, USER, "GDPR request", List.of(INVITATION)));
        // as stored before erasure named invitations
        verdict.changesNothing(
                List.of(
                        new UserRegistered(PLATFORM, USER, "ada@example.com", "Ada"),
                        new UserErased(PLATFORM, USER, null, null)),
                new EraseUser(USER, "again", List.of()));
    }
}
