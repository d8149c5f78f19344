package io.runledger.projections.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.user.AuthIdentityLinked;
import io.runledger.domain.user.AuthProvider;
import io.runledger.domain.user.UserErased;
import io.runledger.domain.user.UserRegistered;
import io.runledger.domain.user.UserRenamed;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/** {@code users} and {@code auth_identities}: the people who ever signed in, global to all orgs. */
@ReadModelProjector(processingGroup = ReadModelProcessors.USERS)
public record UserProjector(ReadModels models) {

    @EventHandler
    void on(UserRegistered registered, @Timestamp Instant at) {
        models.write(
                """
                insert into users (id, email, name, created_at, updated_at) values (?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """, registered.userId(), registered.email(), registered.name(), ReadModels.at(at), ReadModels.at(at));
    }

    @EventHandler
    void on(UserRenamed renamed, @Timestamp Instant at) {
        models.write(
                "update users set name = ?, updated_at = ? where id = ?",
                renamed.name(),
                ReadModels.at(at),
                renamed.userId());
    }

    /** The identity's id follows from provider and subject, so a replay gives it the same id. */
    @EventHandler
    void on(AuthIdentityLinked linked, @Timestamp Instant at) {
        models.write(
                """
                insert into auth_identities (id, user_id, provider, provider_user_id, created_at) values (?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """,
                identityId(linked.provider(), linked.providerUserId()),
                linked.userId(),
                linked.provider().code(),
                linked.providerUserId(),
                ReadModels.at(at));
    }

    /**
     * What was projected from the person's data before their key was destroyed now reads as a replay gives it: the
     * placeholder, and per provider the identity a replay keeps (the first linked; every later one has the same
     * placeholder and so the same id), under the id derived from the placeholder as above.
     */
    @EventHandler
    void on(UserErased erased) {
        UUID userId = erased.userId();
        String placeholder = DataSubject.person(userId).placeholder();
        models.write(
                "update users set email = ?, name = case when name is null then null else ? end where id = ?",
                placeholder,
                placeholder,
                userId);
        for (AuthProvider provider : AuthProvider.values()) {
            models.write(
                    """
                    with kept as (select id from auth_identities where user_id = ? and provider = ? order by created_at, id limit 1),
                         later as (delete from auth_identities where user_id = ? and provider = ? and id not in (select id from kept))
                    update auth_identities set id = ?, provider_user_id = ? where id in (select id from kept)
                    """,
                    userId,
                    provider.code(),
                    userId,
                    provider.code(),
                    identityId(provider, placeholder),
                    placeholder);
        }
    }

    private static UUID identityId(AuthProvider provider, String providerUserId) {
        return UUID.nameUUIDFromBytes(
                ("identity:" + provider.code() + "|" + providerUserId).getBytes(StandardCharsets.UTF_8));
    }
}
