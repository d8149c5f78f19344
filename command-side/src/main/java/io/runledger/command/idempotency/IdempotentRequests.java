package io.runledger.command.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.command.auth.Sha256;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stripe's idempotency semantics for creating requests. The first request with a key claims it (a row
 * committed before any work starts) and records its answer; a retry with the same key and body gets that
 * answer again, marked {@code Idempotent-Replayed: true}, and causes nothing; the same key with another
 * body, or while the first is still running, is a 409. A request that fails frees its key, since it
 * created nothing. A key whose request never answered (the process died mid-request) is taken over by a retry
 * once {@code runledger.idempotency.recover-after} has passed since it was claimed: the retry runs the request
 * again and, as resource ids derive from the key, meets whatever the dead attempt created
 * ({@link #create(Runnable)}) and answers as that attempt would have.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The request whose keys are kept for ever: {@code runs} has (org_id, idempotency_key) unique. */
    public static final String QUEUE_RUN = "POST /runs";

    /** Set while this thread runs a request again for a key whose first attempt never answered. */
    private static final ThreadLocal<Boolean> RECOVERING = ThreadLocal.withInitial(() -> false);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Duration recoverAfter;

    IdempotentRequests(
            JdbcClient jdbc,
            ObjectMapper json,
            @Value("${runledger.idempotency.recover-after:30s}") Duration recoverAfter) {
        this.jdbc = jdbc;
        this.json = json;
        this.recoverAfter = recoverAfter;
    }

    /** An answer carrying a secret shown only once: what is recorded, and replayed, is {@link #withoutSecret()}. */
    public interface OneTimeSecret {
        Object withoutSecret();
    }

    /** Keys of a request made inside an org, shared by all its members. */
    public static String orgScope(UUID orgId, String request) {
        return "org:" + orgId + ":" + request;
    }

    /** Keys of a request made outside any org, such as creating one: the caller's own. */
    public static String callerScope(UUID userId, String request) {
        return "user:" + userId + ":" + request;
    }

    /**
     * The id of a resource created under {@code key}: derived from org and key, so even a retry that
     * outlives its idempotency record cannot create the resource twice; random without a key.
     */
    public static UUID resourceId(String kind, UUID orgId, String key) {
        return keyOf(key) == null
                ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes((kind + ":" + orgId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key a header sends: none when it is absent or blank, so a blank key is never stored as one. */
    public static String keyOf(String header) {
        return header == null || header.isBlank() ? null : header;
    }

    /** Runs {@code create} once per {@code (scope, key)}; without a key, every call runs it. */
    public ResponseEntity<?> once(String scope, String key, Object request, Supplier<ResponseEntity<?>> create) {
        if (keyOf(key) == null) {
            return create.get();
        }
        String fingerprint = fingerprint(request);
        UUID claim = UUID.randomUUID();
        boolean recovering = false;
        if (!claim(scope, key, fingerprint, claim)) {
            recovering = takeOverUnanswered(scope, key, fingerprint, claim);
            if (!recovering) {
                return replay(scope, key, fingerprint);
            }
        }
        ResponseEntity<?> answer;
        RECOVERING.set(recovering);
        try {
            answer = create.get();
        } catch (RuntimeException failed) {
            jdbc.sql("delete from idempotency_keys where scope = ? and idempotency_key = ? and claim_id = ?")
                    .params(scope, key, claim)
                    .update();
            throw failed;
        } finally {
            RECOVERING.remove();
        }
        jdbc.sql("""
                update idempotency_keys set response_status = ?, response_location = ?, response_body = ?
                where scope = ? and idempotency_key = ? and claim_id = ?
                """)
                .params(
                        answer.getStatusCode().value(),
                        locationOf(answer),
                        toJson(recordable(answer.getBody())),
                        scope,
                        key,
                        claim)
                .update();
        return answer;
    }

    /**
     * Runs the step that creates a request's resource under its key-derived id. When the request runs again
     * for a key whose first attempt died unanswered, that attempt may have created the resource already: then
     * nothing new is created, and the request goes on to answer with it.
     *
     * @return false when the resource existed already, created by the dead attempt with this key and body
     */
    public boolean create(Runnable creating) {
        try {
            creating.run();
            return true;
        } catch (AggregateStreamCreationException createdBefore) {
            if (RECOVERING.get()) {
                return false;
            }
            throw createdBefore;
        }
    }

    private boolean claim(String scope, String key, String fingerprint, UUID claim) {
        return jdbc.sql("""
                insert into idempotency_keys (scope, idempotency_key, request_fingerprint, claim_id) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(scope, key, fingerprint, claim).update() == 1;
    }

    /** Only one retry wins the update; a key used with another body is left to {@link #replay} to refuse. */
    private boolean takeOverUnanswered(String scope, String key, String fingerprint, UUID claim) {
        return jdbc.sql("""
                update idempotency_keys set claim_id = ?, created_at = now()
                where scope = ? and idempotency_key = ? and request_fingerprint = ? and response_status is null
                  and created_at < now() - make_interval(secs => ?)
                """)
                        .params(claim, scope, key, fingerprint, recoverAfter.toMillis() / 1000.0)
                        .update()
                == 1;
    }

    private ResponseEntity<?> replay(String scope, String key, String fingerprint) {
        StoredAnswer stored = jdbc.sql("""
                select request_fingerprint, response_status, response_location, response_body
                from idempotency_keys where scope = ? and idempotency_key = ?
                """)
                .params(scope, key)
                .query(StoredAnswer.class)
                .optional()
                // freed by a failed first request between our claim and this read: nothing to replay
                .orElseThrow(() -> new IdempotentRequestInProgress(key));
        if (!stored.requestFingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(key);
        }
        if (stored.responseStatus() == null) {
            throw new IdempotentRequestInProgress(key);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatusCode.valueOf(stored.responseStatus()))
                .header(REPLAYED_HEADER, "true")
                .contentType(MediaType.APPLICATION_JSON);
        if (stored.responseLocation() != null) {
            answer.location(URI.create(stored.responseLocation()));
        }
        return answer.body(stored.responseBody());
    }

    record StoredAnswer(
            String requestFingerprint, Integer responseStatus, String responseLocation, String responseBody) {}

    private static Object recordable(Object body) {
        return body instanceof OneTimeSecret secret ? secret.withoutSecret() : body;
    }

    private static String locationOf(ResponseEntity<?> answer) {
        URI location = answer.getHeaders().getLocation();
        return location == null ? null : location.toString();
    }

    private String fingerprint(Object request) {
        return Sha256.hex(toJson(request));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }
}
