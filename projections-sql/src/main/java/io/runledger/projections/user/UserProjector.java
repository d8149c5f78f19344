package io.runledger.projections.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.user.AuthIdentityLinked;
import io.runledger.domain.user.UserErased;
import io.runledger.domain.user.UserRegistered;
import io.runledger.domain.user.UserRenamed;
import io.runledger.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** {@code users} and {@code auth_identities}: the people who ever signed in, global to all orgs. */
@Component
@ProcessingGroup(UserProjector.PROCESSING_GROUP)
public class UserProjector {

    public static final String PROCESSING_GROUP = "read-users";

    private final ReadModels models;

    UserProjector(ReadModels models) {
        this.models = models;
    }

    @EventHandler
    void on(UserRegistered registered, @Timestamp Instant at) {
        models.write("""
                insert into users (id, email, name, created_at, updated_at) values (?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """, registered.userId(), registered.email(), registered.name(), ReadModels.at(at), ReadModels.at(at));
    }

    @EventHandler
    void on(UserRenamed renamed, @Timestamp Instant at) {
        models.write("update users set name = ?, updated_at = ? where id = ?",
                renamed.name(), ReadModels.at(at), renamed.userId());
    }

    /** The identity's id follows from provider and subject, so a replay gives it the same id. */
    @EventHandler
    void on(AuthIdentityLinked linked, @Timestamp Instant at) {
        UUID identityId = UUID.nameUUIDFromBytes(("identity:" + linked.provider().code() + "|" + linked.providerUserId())
                .getBytes(StandardCharsets.UTF_8));
        models.write("""
                insert into auth_identities (id, user_id, provider, provider_user_id, created_at) values (?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """, identityId, linked.userId(), linked.provider().code(), linked.providerUserId(), ReadModels.at(at));
    }

    /**
     * What was projected from the person's data before their key was destroyed now reads as a replay gives it: the
     * placeholder, and identity ids derived from it as above ({@code UUID.nameUUIDFromBytes} is MD5 with the version
     * and variant bits set; these rows are written in batches, so the derivation is done by PostgreSQL).
     */
    @EventHandler
    void on(UserErased erased) {
        UUID userId = erased.userId();
        String placeholder = DataSubject.person(userId).placeholder();
        models.write("update users set email = ?, name = case when name is null then null else ? end where id = ?",
                placeholder, placeholder, userId);
        models.write("""
                update auth_identities set provider_user_id = ?, id = name_based.id
                from (select a.id as old_id, (substr(h, 1, 12) || '3' || substr(h, 14, 3)
                             || to_hex((('x' || substr(h, 17, 1))::bit(4)::int & 3) | 8) || substr(h, 18))::uuid as id
                      from auth_identities a, md5('identity:' || a.provider || '|' || ?) as h
                      where a.user_id = ?) name_based
                where auth_identities.id = name_based.old_id
                """, placeholder, placeholder, userId);
    }
}
