package io.runledger.command.org;

import java.time.Clock;
import java.util.UUID;

import io.runledger.command.access.InvitationLookup;
import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.org.AcceptInvitation;
import io.runledger.domain.org.InvitationNotPending;
import io.runledger.domain.user.UserRegistered;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * A person's first sign-in accepts every invitation waiting for their email, moments after it (an invitation
 * that has expired by then is recorded expired; the application's clock decides, as it does for the deadlines). A streaming processor with its own token
 * delivers each sign-up at least once; an invitation settled meanwhile is left as it is.
 */
@Component
@ProcessingGroup(InvitationsFollowSignUpPolicy.PROCESSING_GROUP)
public record InvitationsFollowSignUpPolicy(CommandGateway commands, InvitationLookup invitations, Clock clock) {

    public static final String PROCESSING_GROUP = "invitations-follow-sign-up";

    /** Sent as the person who signed up, in the conversation of their sign-up. */
    @EventHandler
    void on(UserRegistered registered, @MetaDataValue(Caller.CORRELATION_ID) String correlationId) {
        Caller person = new Caller(
                registered.userId().toString(),
                UUID.randomUUID().toString(),
                correlationId == null ? registered.userId().toString() : correlationId);
        for (InvitationLookup.PendingInvitation pending : invitations.pendingFor(registered.email())) {
            CallerContext.callAs(person, () -> {
                try {
                    return commands.sendAndWait(new AcceptInvitation(
                            pending.orgId(), pending.invitationId(), registered.userId(), clock.instant()));
                } catch (InvitationNotPending settledMeanwhile) {
                    return null;
                }
            });
        }
    }
}
