package io.runledger.domain.org;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.subscription.StartSubscription;
import io.runledger.domain.subscription.Subscription;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A tenant: its name, settings and who may act in it with which role. */
public class Org {

    /** The deadline at which a pending invitation expires; its payload is the invitation's id. */
    public static final String INVITATION_EXPIRY = "invitation-expiry";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    @AggregateIdentifier
    private UUID orgId;

    private String name;
    private Map<String, Object> settings = Map.of();
    private final Map<UUID, Role> members = new HashMap<>();
    private boolean erased;
    private final Map<UUID, Invitation> invitations = new HashMap<>();

    private record Invitation(String email, Role role, Instant expiresAt, String state) {
        boolean pending() {
            return PENDING.equals(state);
        }

        Invitation becoming(String next) {
            return new Invitation(email, role, expiresAt, next);
        }
    }

    private static final String PENDING = "pending";

    protected Org() {}

    @CommandHandler
    public Org(CreateOrg command, DeadlineManager deadlines) throws Exception {
        requireName(command.name());
        if (command.slug() != null && !SLUG.matcher(command.slug()).matches()) {
            throw new InvalidCommand(
                    "Slug '%s' must be 1 to 63 lowercase letters, digits or inner hyphens".formatted(command.slug()));
        }
        apply(new OrgCreated(command.orgId(), command.name().strip(), command.slug(), command.creatorUserId()));
        // after the org's own events, so the store (and every projection) sees the org before its subscription
        apply(new MemberAdded(command.orgId(), command.creatorUserId(), Role.OWNER))
                .andThen(() -> spawnSubscription(command, deadlines));
    }

    private static void spawnSubscription(CreateOrg command, DeadlineManager deadlines) {
        try {
            createNew(
                    Subscription.class,
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
            apply(new OrgErased(orgId, command.reason(), command.invitationIds()));
        }
    }

    /** The same invitation sent again (a retry of a request that died unanswered) is sent once. */
    @CommandHandler
    void handle(SendInvitation command, DeadlineManager deadlines) {
        if (invitations.containsKey(command.invitationId())) {
            return;
        }
        String email = command.email() == null ? "" : command.email().strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidCommand("'%s' is not an email address".formatted(command.email()));
        }
        invitations.entrySet().stream()
                .filter(open ->
                        open.getValue().pending() && open.getValue().email().equals(email))
                .findFirst()
                .ifPresent(open -> {
                    throw new InvitationAlreadyPending(orgId, email, open.getKey());
                });
        apply(new InvitationSent(orgId, command.invitationId(), email, command.role(), command.expiresAt()));
        deadlines.schedule(command.expiresAt(), INVITATION_EXPIRY, command.invitationId());
    }

    /** Accepted before it expires, it makes the person a member; accepted too late, it has expired. */
    @CommandHandler
    void handle(AcceptInvitation command) {
        Invitation invitation = pending(command.invitationId());
        if (!command.acceptedAt().isBefore(invitation.expiresAt())) {
            apply(new InvitationExpired(orgId, command.invitationId(), invitation.email(), invitation.expiresAt()));
            return;
        }
        apply(new InvitationAccepted(
                orgId, command.invitationId(), invitation.email(), command.userId(), invitation.role()));
        if (!members.containsKey(command.userId())) {
            apply(new MemberAdded(orgId, command.userId(), invitation.role()));
        }
    }

    @CommandHandler
    void handle(RevokeInvitation command) {
        Invitation invitation = pending(command.invitationId());
        apply(new InvitationRevoked(orgId, command.invitationId(), invitation.email()));
    }

    /** An invitation accepted or revoked before its time finds nothing to expire. */
    @DeadlineHandler(deadlineName = INVITATION_EXPIRY)
    void invitationExpires(UUID invitationId) {
        Invitation invitation = invitations.get(invitationId);
        if (invitation != null && invitation.pending()) {
            apply(new InvitationExpired(orgId, invitationId, invitation.email(), invitation.expiresAt()));
        }
    }

    private Invitation pending(UUID invitationId) {
        Invitation invitation = invitations.get(invitationId);
        if (invitation == null) {
            throw new InvitationNotPending(invitationId, "not an invitation of org " + orgId + ", so");
        }
        if (!invitation.pending()) {
            throw new InvitationNotPending(invitationId, invitation.state());
        }
        return invitation;
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

    @EventSourcingHandler
    void on(InvitationSent event) {
        invitations.put(event.invitationId(), new Invitation(event.email(), event.role(), event.expiresAt(), PENDING));
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        invitations.computeIfPresent(event.invitationId(), (id, invitation) -> invitation.becoming("accepted"));
    }

    @EventSourcingHandler
    void on(InvitationRevoked event) {
        invitations.computeIfPresent(event.invitationId(), (id, invitation) -> invitation.becoming("revoked"));
    }

    @EventSourcingHandler
    void on(InvitationExpired event) {
        invitations.computeIfPresent(event.invitationId(), (id, invitation) -> invitation.becoming("expired"));
    }
}
