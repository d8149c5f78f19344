package io.runledger.command.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.runledger.command.crypto.SubjectKeys;
import io.runledger.command.text.StorableText;
import io.runledger.command.text.UnstorableText;
import io.runledger.domain.user.RegisterUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Maps a verified JWT to a Runledger user. The user id is derived from the configured issuer and the subject, so
 * the first request of a new person registers them, and concurrent first requests (on any number of instances)
 * still register them once: the event store admits only one stream per id. People already on record
 * (say, from before a restart) are looked up, not registered again. An email is bound to a person only when the
 * provider vouches for it ({@code email_verified}).
 */
@Component
public class JwtCallers {

    static final String EMAIL = "email";
    static final String NAME = "name";
    static final String PROVIDER = "provider";
    static final String EMAIL_VERIFIED = "email_verified";

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final AuthProperties properties;
    private final SubjectKeys keys;
    private final Set<UUID> known = ConcurrentHashMap.newKeySet();

    JwtCallers(CommandGateway commands, JdbcClient jdbc, AuthProperties properties, SubjectKeys keys) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.properties = properties;
        this.keys = keys;
    }

    /**
     * The same person, as named by issuer and subject, always gets the same id; the issuer is the configured one
     * (which every token was checked against), so a token cannot choose it.
     */
    public UUID userIdOf(Jwt jwt) {
        return UUID.nameUUIDFromBytes(
                ("user:" + properties.tokenIssuer() + "|" + jwt.getSubject()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Registers the person on their first request; sent as themselves, so they are the actor of their sign-up. An
     * erased person's tokens (their id follows from the token) are refused: nothing of theirs is left to act as.
     */
    public void ensureRegistered(UUID userId, Jwt jwt) {
        if (keys.isErased(userId)) {
            throw new ErasedUserRefused();
        }
        if (!known.contains(userId)) {
            if (!onRecord(userId)) {
                register(userId, jwt);
            }
            known.add(userId);
        }
    }

    /** access_users is written in the transaction of UserRegistered, so it is never behind the event store. */
    private boolean onRecord(UUID userId) {
        return jdbc.sql("select exists (select 1 from access_users where user_id = ?)")
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    /** The claims a registration stores are held to the text rule like any request's text. */
    private void register(UUID userId, Jwt jwt) {
        String email = verifiedEmail(jwt);
        try {
            commands.sendAndWait(new RegisterUser(
                    userId, email, claim(jwt, NAME), AuthProviders.fromCode(claim(jwt, PROVIDER)), claim(jwt, "sub")));
        } catch (AggregateStreamCreationException registeredMeanwhile) {
            // Another request for the same person won the race; the user exists, which is all we need.
        }
    }

    private static String claim(Jwt jwt, String name) {
        return StorableText.require(jwt.getClaimAsString(name), UnstorableText.Part.TOKEN, name);
    }

    /**
     * Whoever holds a token may write any email in it: only the provider's word ({@code email_verified: true}, or no
     * claim at all where the operator says the provider never sends it) makes it theirs. The development issuer's
     * tokens count as verified.
     */
    private String verifiedEmail(Jwt jwt) {
        if (!vouched(jwt)) {
            throw new EmailNotVerified();
        }
        return claim(jwt, EMAIL);
    }

    /** The email the person's token vouches for at this request, for the audit trail; empty if it vouches for none. */
    public Optional<String> vouchedEmail(Jwt jwt) {
        String email = jwt.getClaimAsString(EMAIL);
        return vouched(jwt) && email != null && StorableText.flaw(email) == null
                ? Optional.of(email)
                : Optional.empty();
    }

    private boolean vouched(Jwt jwt) {
        Object verified = jwt.getClaims().get(EMAIL_VERIFIED);
        return properties.localIssuer()
                || Boolean.TRUE.equals(verified)
                || "true".equals(verified)
                || (verified == null && properties.assumeEmailVerified());
    }
}
