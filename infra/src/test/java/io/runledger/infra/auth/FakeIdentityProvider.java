package io.runledger.infra.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local OpenID provider on 127.0.0.1: its discovery document at {@value #DISCOVERY}, its public keys at
 * {@value #KEYS}, and tokens signed with Nimbus. On demand it rotates its key, hangs (takes requests and never
 * answers) or goes down (refuses connections) and comes back. It records when its keys were fetched.
 */
final class FakeIdentityProvider implements AutoCloseable {

    static final String DISCOVERY = "/.well-known/openid-configuration";
    static final String KEYS = "/jwks";
    static final String AUDIENCE = "runledger-api";

    private final int port;
    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final List<Instant> keyFetches = new CopyOnWriteArrayList<>();
    private final Object hang = new Object();
    private final ExecutorService handlers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-identity-provider");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RSAKey signing;
    private final ProviderSignIns signIns = new ProviderSignIns(this);
    private boolean hanging;
    private HttpServer server;

    /** Serving from the start; on the same port whenever it comes back. */
    FakeIdentityProvider() {
        this.port = freePort();
        this.signing = newKey("key-1");
        published.add(signing);
        start();
    }

    /** Taking requests and answering none, until {@link #answer()}. */
    static FakeIdentityProvider hanging() {
        FakeIdentityProvider provider = new FakeIdentityProvider();
        provider.hang();
        return provider;
    }

    String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /** Runledger takes its keys through discovery ({@code RUNLEDGER_AUTH_ISSUER_URI}). */
    void useByDiscovery(DynamicPropertyRegistry properties) {
        properties.add("runledger.auth.issuer-uri", this::issuer);
        properties.add("runledger.auth.audiences", () -> AUDIENCE);
    }

    /** Runledger takes its keys from the key set itself ({@code RUNLEDGER_AUTH_JWK_SET_URI} and {@code RUNLEDGER_AUTH_ISSUER}). */
    void useByKeySet(DynamicPropertyRegistry properties) {
        properties.add("runledger.auth.jwk-set-uri", () -> issuer() + KEYS);
        properties.add("runledger.auth.issuer", this::issuer);
        properties.add("runledger.auth.audiences", () -> "other-api," + AUDIENCE);
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Connections are refused from now on. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** From now on every request is taken and never answered, until {@link #answer()}. */
    void hang() {
        synchronized (hang) {
            hanging = true;
        }
    }

    void answer() {
        synchronized (hang) {
            hanging = false;
            hang.notifyAll();
        }
    }

    /** Publishes a new key and signs with it from now on; the old one stays published, as providers rotate. */
    RSAKey rotate(String keyId) {
        RSAKey next = newKey(keyId);
        published.add(next);
        signing = next;
        return next;
    }

    /** Its sign-in page and token endpoint, for the console's tests. */
    ProviderSignIns signIns() {
        return signIns;
    }

    RSAKey publishedKey(String keyId) {
        return published.stream()
                .filter(key -> key.getKeyID().equals(keyId))
                .findFirst()
                .orElseThrow();
    }

    List<Instant> keyFetches() {
        return List.copyOf(keyFetches);
    }

    /** What this provider puts in a token for a person with a verified email, valid for an hour. */
    JWTClaimsSet.Builder claims(String email) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("idp|" + email)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("email", email)
                .claim("email_verified", true)
                .claim("name", "Test Person");
    }

    String token(JWTClaimsSet.Builder claims) {
        return token(claims, signing, signing.getKeyID());
    }

    /** Signed with {@code key}, whatever key id the header names. */
    static String token(JWTClaimsSet.Builder claims, RSAKey key, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException unsignable) {
            throw new IllegalStateException(unsignable);
        }
    }

    static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            waitWhileHanging();
            switch (exchange.getRequestURI().getPath()) {
                case DISCOVERY -> {
                    Map<String, Object> document = new java.util.HashMap<>(signIns.discovery());
                    document.putAll(Map.of(
                            "issuer",
                            issuer(),
                            "jwks_uri",
                            issuer() + KEYS,
                            "id_token_signing_alg_values_supported",
                            List.of("RS256")));
                    respond(exchange, 200, JSONObjectUtils.toJSONString(document));
                }
                case KEYS -> {
                    keyFetches.add(Instant.now());
                    respond(
                            exchange,
                            200,
                            new JWKSet(published.stream().map(JWK::toPublicJWK).toList()).toString());
                }
                default -> {
                    if (!signIns.answer(exchange)) {
                        respond(exchange, 404, "{}");
                    }
                }
            }
        }
    }

    private void waitWhileHanging() {
        synchronized (hang) {
            while (hanging) {
                try {
                    hang.wait();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }

    @Override
    public void close() {
        answer();
        stop();
        handlers.shutdownNow();
    }
}
