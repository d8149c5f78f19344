package io.runledger.command.caller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is asking, and within which request and conversation: stamped on every command as metadata and
 * copied onto every event the command causes, so the event store answers "who did what, when, from where" on its own.
 *
 * @param actor         a user id, {@code apikey:<key id>}, {@code worker:<credential name>}, or {@code system}
 * @param requestId     the id of the request that carried the command (one per HTTP request or job)
 * @param correlationId the conversation the request belongs to; a client may supply it, else the request id
 * @param origin        where an HTTP caller came from ({@link #ORIGIN_KEYS}: email, key id, address, user agent),
 *                      plain strings, only those known
 */
public record Caller(String actor, String requestId, String correlationId, Map<String, String> origin) {

    public static final String ACTOR = "actor";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    /** {@code user}, {@code apikey}, {@code worker} or {@code system}: on every command, derived from the actor. */
    public static final String ACTOR_KIND = "actorKind";
    /** The person's email at the time of the request, when the caller is a person. */
    public static final String ACTOR_EMAIL = "actorEmail";

    public static final String API_KEY_ID = "apiKeyId";
    /** The client's address: the peer's, or the one a trusted proxy forwarded ({@code runledger.trusted-proxies}). */
    public static final String CLIENT_ADDRESS = "clientAddress";

    public static final String USER_AGENT = "userAgent";
    /** The keys of {@link #origin}: what only an HTTP request knows. */
    public static final List<String> ORIGIN_KEYS = List.of(ACTOR_EMAIL, API_KEY_ID, CLIENT_ADDRESS, USER_AGENT);

    public static final String SYSTEM = "system";
    /** Followed by the name of the worker credential used. */
    public static final String WORKER_PREFIX = "worker:";
    /** Followed by the id of the tenant API key used. */
    public static final String API_KEY_PREFIX = "apikey:";

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(correlationId, "correlationId");
        origin = Map.copyOf(origin);
        if (!ORIGIN_KEYS.containsAll(origin.keySet())) {
            throw new IllegalArgumentException("Not an origin key in " + origin.keySet());
        }
    }

    public Caller(String actor, String requestId, String correlationId) {
        this(actor, requestId, correlationId, Map.of());
    }

    /** A caller acting in a new conversation that starts with this request. */
    public static Caller startingConversation(String actor, String requestId) {
        return new Caller(actor, requestId, requestId);
    }

    /** Runledger itself, for work no person or worker asked for (start-up tasks, timers). */
    public static Caller system() {
        return startingConversation(SYSTEM, UUID.randomUUID().toString());
    }

    /** The kind of actor an actor id names: {@code system}, {@code worker}, {@code apikey}, else {@code user}. */
    public static String kindOf(String actor) {
        if (actor.equals(SYSTEM)) {
            return "system";
        }
        if (actor.startsWith(WORKER_PREFIX)) {
            return "worker";
        }
        return actor.startsWith(API_KEY_PREFIX) ? "apikey" : "user";
    }

    /** The metadata this caller stamps on a command. */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>(origin);
        metadata.put(ACTOR, actor);
        metadata.put(ACTOR_KIND, kindOf(actor));
        metadata.put(REQUEST_ID, requestId);
        metadata.put(CORRELATION_ID, correlationId);
        return metadata;
    }
}
