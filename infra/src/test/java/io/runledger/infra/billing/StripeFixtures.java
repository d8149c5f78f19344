package io.runledger.infra.billing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stripe's own sample objects ({@code stripe/objects.json}, from Stripe's OpenAPI fixtures) shaped into the
 * events a test needs, and signed as Stripe signs webhooks: {@code t=…,v1=HMAC-SHA256(secret, t + "." + body)}.
 */
final class StripeFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode SAMPLES = load();

    private StripeFixtures() {}

    private static ObjectNode load() {
        try (InputStream in = StripeFixtures.class.getResourceAsStream("/stripe/objects.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** A copy of the sample {@code kind} ("subscription", "invoice", "checkout.session", …) with {@code changes} made. */
    static ObjectNode sample(String kind, Consumer<ObjectNode> changes) {
        ObjectNode object = SAMPLES.get(kind).deepCopy();
        changes.accept(object);
        return object;
    }

    /** The sample event envelope around {@code object}. */
    static String event(String id, String type, long created, ObjectNode object) {
        ObjectNode event = SAMPLES.get("event").deepCopy();
        event.put("id", id).put("type", type).put("created", created);
        ((ObjectNode) event.get("data")).set("object", object);
        return event.toString();
    }

    static String signature(String secret, long timestamp, String payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = hmac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signed);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }
}
