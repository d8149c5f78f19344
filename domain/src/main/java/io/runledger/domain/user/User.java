package io.runledger.domain.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.Platform;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A person, across every org they belong to, and the identities they sign in with. */
public class User {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @AggregateIdentifier
    private UUID userId;

    private String name;
    private boolean erased;
    private final Set<Identity> identities = new HashSet<>();

    private record Identity(AuthProvider provider, String providerUserId) {}

    protected User() {}

    @CommandHandler
    public User(RegisterUser command) {
        String email = command.email() == null ? "" : command.email().strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidCommand("'%s' is not an email address".formatted(command.email()));
        }
        requireProviderUserId(command.providerUserId());
        apply(new UserRegistered(Platform.ORG_ID, command.userId(), email, command.name()));
        apply(new AuthIdentityLinked(Platform.ORG_ID, command.userId(), command.provider(), command.providerUserId()));
    }

    @CommandHandler
    void handle(LinkAuthIdentity command) {
        requireProviderUserId(command.providerUserId());
        if (!identities.contains(new Identity(command.provider(), command.providerUserId()))) {
            apply(new AuthIdentityLinked(Platform.ORG_ID, userId, command.provider(), command.providerUserId()));
        }
    }

    @CommandHandler
    void handle(RenameUser command) {
        if (!Objects.equals(name, command.name())) {
            apply(new UserRenamed(Platform.ORG_ID, userId, command.name()));
        }
    }

    /** Erasing again changes nothing: the key is gone once. */
    @CommandHandler
    void handle(EraseUser command) {
        if (!erased) {
            apply(new UserErased(Platform.ORG_ID, userId, command.reason(), command.invitationIds()));
        }
    }

    /** An identity is the provider's id of the person (a token's subject); auth_identities cannot hold one without. */
    private static void requireProviderUserId(String providerUserId) {
        if (providerUserId == null || providerUserId.isBlank()) {
            throw new InvalidCommand("A sign-in identity needs the provider's id of the person (the token's subject)");
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(AuthIdentityLinked event) {
        identities.add(new Identity(event.provider(), event.providerUserId()));
    }

    @EventSourcingHandler
    void on(UserRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(UserErased event) {
        erased = true;
    }
}
