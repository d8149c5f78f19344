package io.runledger.command.idempotency;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every creating endpoint does with its {@code Idempotency-Key}: runs once per key ({@link IdempotentRequests}),
 * names the new resource by an id derived from the key, creates it by a command that a retry after a dead attempt
 * may find done, and answers with where it is.
 */
@Component
public record IdempotentCreation(IdempotentRequests requests, CommandGateway commands) {

    /**
     * A creating request: the scope its keys are kept in, whose keys they are, and what it creates.
     *
     * @param kind such as {@code project}: part of the id derived from the key
     */
    public record Creating(String scope, UUID owner, String kind) {

        /** Made inside an org, such as {@code POST /projects}: its keys are shared by the org's members. */
        public static Creating inOrg(UUID orgId, String request, String kind) {
            return new Creating(IdempotentRequests.orgScope(orgId, request), orgId, kind);
        }

        /** Made outside any org, such as creating one: its keys are the caller's own. */
        public static Creating byCaller(UUID userId, String request, String kind) {
            return new Creating(IdempotentRequests.callerScope(userId, request), userId, kind);
        }
    }

    /** @param answer creates the resource with the id it is given, derived from the key, and answers */
    public ResponseEntity<?> once(
            Creating creating, String key, Object body, Function<UUID, ResponseEntity<?>> answer) {
        UUID id = IdempotentRequests.resourceId(creating.kind(), creating.owner(), key);
        return requests.once(creating.scope(), key, body, () -> answer.apply(id));
    }

    /**
     * Sends the command that creates the resource.
     *
     * @return false when the dead attempt with this key had created it already
     */
    public boolean send(Object creatingCommand) {
        return create(() -> commands.sendAndWait(creatingCommand));
    }

    /** Creates the resource by other means than one command; false as for {@link #send}. */
    public boolean create(Runnable creating) {
        return requests.create(creating);
    }

    /** 201 with the new resource's location. */
    public static ResponseEntity<?> created(String location, Object body) {
        return ResponseEntity.created(URI.create(location)).body(body);
    }

    /** 202: queued, to be done later, and where to follow it. */
    public static ResponseEntity<?> accepted(String location, Object body) {
        return ResponseEntity.accepted().location(URI.create(location)).body(body);
    }
}
