package io.runledger.domain.apikey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import io.runledger.domain.org.Role;
import io.runledger.domain.shared.InvalidCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A tenant's API key: it acts for one org with one role below owner, until it is revoked, for good. */
public class ApiKey {

    @AggregateIdentifier
    private UUID keyId;

    private UUID orgId;
    private boolean revoked;

    protected ApiKey() {}

    @CommandHandler
    public ApiKey(IssueApiKey command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidCommand("An API key needs a name, so people can tell it from their others");
        }
        if (command.role() == null || command.role() == Role.OWNER) {
            // ownership (billing, deleting the org, making owners) stays with people
            throw new InvalidCommand("An API key carries the role admin, developer or viewer");
        }
        apply(new ApiKeyIssued(
                command.orgId(),
                command.keyId(),
                command.name().strip(),
                command.role(),
                command.keyDigest(),
                command.keyPrefix(),
                command.issuedBy()));
    }

    @CommandHandler
    void handle(RevokeApiKey command) {
        if (!revoked) {
            apply(new ApiKeyRevoked(orgId, keyId));
        }
    }

    @EventSourcingHandler
    void on(ApiKeyIssued event) {
        keyId = event.keyId();
        orgId = event.orgId();
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        revoked = true;
    }
}
