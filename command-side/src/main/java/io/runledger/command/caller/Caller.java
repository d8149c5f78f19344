package io.runledger.command.caller;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is asking, and within which request and conversation: stamped on every command as metadata and
 * copied onto every event the command causes, so the event store answers "who did what, when" on its own.
 *
 * @param actor         a user id, {@code apikey:<key id>}, {@code worker:<credential name>}, or {@code system}
 * @param requestId     the id of the request that carried the command (one per HTTP request or job)
 * @param correlationId the conversation the request belongs to; a client may supply it, else the request id
 */
public record Caller(String actor, String requestId, String correlationId) {

    public static final String ACTOR = "actor";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String SYSTEM = "system";
    /** Followed by the name of the worker credential used. */
    public static final String WORKER_PREFIX = "worker:";
    /** Followed by the id of the tenant API key used. */
    public static final String API_KEY_PREFIX = "apikey:";

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A caller acting in a new conversation that starts with this request. */
    public static Caller startingConversation(String actor, String requestId) {
        return new Caller(actor, requestId, requestId);
    }

    /** Runledger itself, for work no person or worker asked for (start-up tasks, timers). */
    public static Caller system() {
        return startingConversation(SYSTEM, UUID.randomUUID().toString());
    }
}
