package io.runledger.infra.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An external identity provider as Runledger meets one: its keys at a JWK set URI
 * ({@code RUNLEDGER_AUTH_JWK_SET_URI}), its tokens signed with them and carrying whatever claims a test names,
 * any issuer included.
 */
public final class TestIssuer implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer server;

    public TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (JOSEException | IOException unavailable) {
            throw new IllegalStateException(unavailable);
        }
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        server.start();
    }

    /** Makes the application under test accept this issuer's tokens (and only them). */
    public void useIn(DynamicPropertyRegistry properties) {
        properties.add("runledger.auth.jwk-set-uri", () -> "http://localhost:" + server.getAddress().getPort() + "/jwks");
    }

    /** A token valid for an hour with these claims ({@code iss}, {@code sub}, {@code email}, …); a null value is left out. */
    public String token(Map<String, Object> claims) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
        claims.forEach((name, value) -> {
            if (value != null) {
                set.claim(name, value);
            }
        });
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException unsigned) {
            throw new IllegalStateException(unsigned);
        }
        return token.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
