package io.runledger.domain.org;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.subscription.StartSubscription;
import io.runledger.domain.subscription.Subscription;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A tenant: its name, settings and who may act in it with which role. */
public class Org {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    @AggregateIdentifier
    private UUID orgId;
    private String name;
    private Map<String, Object> settings = Map.of();
    private final Map<UUID, Role> members = new HashMap<>();
    private boolean erased;

    protected Org() {
    }

    @CommandHandler
    public Org(CreateOrg command, DeadlineManager deadlines) throws Exception {
        requireName(command.name());
        if (command.slug() != null && !SLUG.matcher(command.slug()).matches()) {
            throw new InvalidCommand("Slug '%s' must be 1 to 63 lowercase letters, digits or inner hyphens"
                    .formatted(command.slug()));
        }
        apply(new OrgCreated(command.orgId(), command.name().strip(), command.slug(), command.creatorUserId()));
        // after the org's own events, so the store (and every projection) sees the org before its subscription
        apply(new MemberAdded(command.orgId(), command.creatorUserId(), Role.OWNER))
                .andThen(() -> spawnSubscription(command, deadlines));
    }

    private static void spawnSubscription(CreateOrg command, DeadlineManager deadlines) {
        try {
            createNew(Subscription.class,
                    () -> new Subscription(new StartSubscription(command.orgId(), command.requestedAt()), deadlines));
        } catch (Exception refused) {
            throw refused instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(refused);
        }
    }

    @CommandHandler
    void handle(RenameOrg command) {
        requireName(command.name());
        if (!command.name().strip().equals(name)) {
            apply(new OrgRenamed(orgId, command.name().strip()));
        }
    }

    @CommandHandler
    void handle(ChangeOrgSettings command) {
        if (!command.settings().equals(settings)) {
            apply(new OrgSettingsChanged(orgId, command.settings()));
        }
    }

    @CommandHandler
    void handle(AddMember command) {
        Role present = members.get(command.userId());
        if (present != null) {
            throw new MemberAlreadyPresent(orgId, command.userId(), present);
        }
        apply(new MemberAdded(orgId, command.userId(), command.role()));
    }

    @CommandHandler
    void handle(ChangeMemberRole command) {
        Role previous = roleOf(command.userId());
        if (previous != command.role()) {
            protectLastOwner(command.userId());
            apply(new MemberRoleChanged(orgId, command.userId(), previous, command.role()));
        }
    }

    @CommandHandler
    void handle(RemoveMember command) {
        Role previous = roleOf(command.userId());
        protectLastOwner(command.userId());
        apply(new MemberRemoved(orgId, command.userId(), previous));
    }

    /** Erasing again changes nothing: the key is gone once. */
    @CommandHandler
    void handle(EraseOrg command) {
        if (!erased) {
            apply(new OrgErased(orgId, command.reason()));
        }
    }

    private Role roleOf(UUID userId) {
        Role role = members.get(userId);
        if (role == null) {
            throw new NotAMember(orgId, userId);
        }
        return role;
    }

    private void protectLastOwner(UUID userId) {
        boolean isOwner = members.get(userId) == Role.OWNER;
        if (isOwner && members.values().stream().filter(Role.OWNER::equals).count() == 1) {
            throw new LastOwnerProtected(orgId, userId);
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidCommand("An org needs a name");
        }
    }

    @EventSourcingHandler
    void on(OrgCreated event) {
        orgId = event.orgId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrgRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrgSettingsChanged event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        members.remove(event.userId());
    }

    @EventSourcingHandler
    void on(OrgErased event) {
        erased = true;
    }
}
