package io.runledger.projections.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.runledger.domain.user.AuthIdentityLinked;
import io.runledger.domain.user.UserRegistered;
import io.runledger.domain.user.UserRenamed;
import io.runledger.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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

    @ResetHandler
    void reset() {
        models.truncate("users", "auth_identities");
    }
}
