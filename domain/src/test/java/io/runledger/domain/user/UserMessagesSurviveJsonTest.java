package io.runledger.domain.user;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;
import static io.runledger.domain.shared.JsonRoundTrip.fromJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every user command and event, through Jackson and back. */
class UserMessagesSurviveJsonTest {

    private static final UUID USER = UUID.randomUUID();

    static Stream<Object> messages() {
        return Stream.of(
                new RegisterUser(USER, "ada@example.com", "Ada", AuthProvider.GOOGLE, "g-1"),
                new LinkAuthIdentity(USER, AuthProvider.MAGIC, "ada@example.com"),
                new RenameUser(USER, "Ada L."),
                new UserRegistered(Platform.ORG_ID, USER, "ada@example.com", "Ada"),
                new AuthIdentityLinked(Platform.ORG_ID, USER, AuthProvider.GITHUB, "gh-1"),
                new UserRenamed(Platform.ORG_ID, USER, "Ada L."),
                new EraseUser(USER, "GDPR request 2026-114", List.of(UUID.randomUUID())),
                new UserErased(Platform.ORG_ID, USER, null, List.of(UUID.randomUUID())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void survives_the_trip_through_json(Object message) {
        assertSurvivesJson(message);
    }

    @Test
    void an_erasure_stored_before_erasures_named_invitations_reads_as_naming_none() {
        UserErased stored = fromJson(
                "{\"orgId\":\"" + Platform.ORG_ID + "\",\"userId\":\"" + USER + "\",\"reason\":null}",
                UserErased.class);

        assertThat(stored).isEqualTo(new UserErased(Platform.ORG_ID, USER, null, List.of()));
    }
}
