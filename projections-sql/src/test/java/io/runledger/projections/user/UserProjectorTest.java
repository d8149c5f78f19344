package io.runledger.projections.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.runledger.domain.shared.Platform;
import io.runledger.domain.user.AuthIdentityLinked;
import io.runledger.domain.user.AuthProvider;
import io.runledger.domain.user.UserErased;
import io.runledger.domain.user.UserRegistered;
import io.runledger.domain.user.UserRenamed;
import io.runledger.projections.ProjectorTest;
import io.runledger.projections.ReadModelDatabase;
import io.runledger.projections.Redelivery;
import org.junit.jupiter.api.Test;

/** The {@code users} row and {@code auth_identities} a person's events leave; once erased, what a replay leaves. */
class UserProjectorTest extends ProjectorTest {

    /** Where the same person's events are replayed as they read once their key is destroyed. */
    private static final ReadModelDatabase REPLAYED = ReadModelDatabase.migrated();

    private static final Instant REGISTERED = Instant.parse("2026-11-02T09:00:00Z");

    private final UserProjector projector = new UserProjector(readModels);
    private final UUID user = UUID.randomUUID();
    private final String email = "ada-" + user + "@example.com";

    private static Instant hour(int hours) {
        return REGISTERED.plusSeconds(3_600L * hours);
    }

    /**
     * A person who signed up with Google, later linked GitHub and a second Google account, and was renamed; with
     * {@code personal} giving what each piece of their personal data reads as.
     */
    private static void signedUpLinkedAndRenamed(UserProjector projector, UUID user, UnaryOperator<String> personal) {
        projector.on(
                new UserRegistered(Platform.ORG_ID, user, personal.apply("ada@example.com"), personal.apply("Ada")),
                REGISTERED);
        projector.on(link(user, AuthProvider.GOOGLE, personal.apply("google-1")), REGISTERED);
        projector.on(link(user, AuthProvider.GITHUB, personal.apply("github-1")), hour(1));
        projector.on(link(user, AuthProvider.GOOGLE, personal.apply("google-2")), hour(2));
        projector.on(new UserRenamed(Platform.ORG_ID, user, personal.apply("Ada King")), hour(3));
    }

    private static AuthIdentityLinked link(UUID user, AuthProvider provider, String subject) {
        return new AuthIdentityLinked(Platform.ORG_ID, user, provider, subject);
    }

    private static List<Map<String, Object>> rows(ReadModelDatabase database, UUID user) {
        return database.rows(
                user,
                "select * from users where id = ?",
                "select * from auth_identities where user_id = ? order by provider, created_at");
    }

    private record Identity(String provider, String subject, Instant linked) {}

    private List<Identity> identities() {
        return jdbc.query(
                "select * from auth_identities where user_id = ? order by provider, created_at",
                (row, n) -> new Identity(
                        row.getString("provider"),
                        row.getString("provider_user_id"),
                        row.getTimestamp("created_at").toInstant()),
                user);
    }

    @Test
    void a_registered_person_has_their_address_name_and_identities_and_a_rename_changes_only_the_name() {
        projector.on(new UserRegistered(Platform.ORG_ID, user, email, "Ada"), REGISTERED);
        projector.on(link(user, AuthProvider.GOOGLE, "google-" + user), REGISTERED);
        projector.on(link(user, AuthProvider.MAGIC, email), hour(1));
        projector.on(new UserRenamed(Platform.ORG_ID, user, "Ada King"), hour(2));

        assertThat(jdbc.queryForMap("select * from users where id = ?", user))
                .containsEntry("email", email)
                .containsEntry("name", "Ada King")
                .containsEntry("created_at", Timestamp.from(REGISTERED))
                .containsEntry("updated_at", Timestamp.from(hour(2)));
        assertThat(identities())
                .containsExactly(
                        new Identity("google", "google-" + user, REGISTERED), new Identity("magic", email, hour(1)));
    }

    @Test
    void an_erasure_leaves_the_placeholder_and_per_provider_the_first_identity_as_a_replay_of_the_erased_events_does() {
        String placeholder = "erased user " + user;
        signedUpLinkedAndRenamed(projector, user, text -> user + "-" + text);
        projector.on(new UserErased(Platform.ORG_ID, user, null, List.of()));

        UserProjector replaying = new UserProjector(REPLAYED.readModels());
        signedUpLinkedAndRenamed(replaying, user, text -> placeholder);
        replaying.on(new UserErased(Platform.ORG_ID, user, null, List.of()));

        assertThat(jdbc.queryForMap("select email, name from users where id = ?", user))
                .containsEntry("email", placeholder)
                .containsEntry("name", placeholder);
        assertThat(identities())
                .containsExactly(
                        new Identity("github", placeholder, hour(1)), new Identity("google", placeholder, REGISTERED));
        assertThat(rows(database, user)).isEqualTo(rows(REPLAYED, user));
    }

    @Test
    void an_event_delivered_twice_leaves_the_rows_it_left_once() {
        Redelivery.changesNothing(
                () -> rows(database, user),
                () -> projector.on(new UserRegistered(Platform.ORG_ID, user, email, "Ada"), REGISTERED));
        Redelivery.changesNothing(
                () -> rows(database, user),
                () -> projector.on(link(user, AuthProvider.GITHUB, "github-" + user), hour(1)));
        Redelivery.changesNothing(
                () -> rows(database, user),
                () -> projector.on(new UserRenamed(Platform.ORG_ID, user, "Ada King"), hour(2)));
        Redelivery.changesNothing(
                () -> rows(database, user), () -> projector.on(new UserErased(Platform.ORG_ID, user, null, List.of())));

        assertThat(identities()).hasSize(1);
    }
}
