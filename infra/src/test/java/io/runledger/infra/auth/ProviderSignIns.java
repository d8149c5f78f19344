package io.runledger.infra.auth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import io.runledger.infra.testing.FormEncoded;

/**
 * The fake provider's sign-in (authorization code with PKCE, RFC 7636): {@value #AUTHORIZE} signs in whoever
 * {@link #signsInAs} names at once and sends the browser back with a code; {@value #TOKEN} exchanges the code for
 * an access token and an ID token only with the verifier whose S256 digest the authorization request carried.
 */
final class ProviderSignIns {

    static final String AUTHORIZE = "/authorize";
    static final String TOKEN = "/token";

    private record Grant(String challenge, String nonce, String clientId, String redirectUri, String email) {}

    private final FakeIdentityProvider provider;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> challengeMethods = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile String email;

    ProviderSignIns(FakeIdentityProvider provider) {
        this.provider = provider;
    }

    void signsInAs(String person) {
        this.email = person;
    }

    /** The {@code code_challenge_method} of every authorization request, in order. */
    List<String> challengeMethods() {
        return List.copyOf(challengeMethods);
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    Map<String, Object> discovery() {
        return Map.of(
                "authorization_endpoint",
                provider.issuer() + AUTHORIZE,
                "token_endpoint",
                provider.issuer() + TOKEN,
                "response_types_supported",
                List.of("code"),
                "subject_types_supported",
                List.of("public"),
                "code_challenge_methods_supported",
                List.of("S256"));
    }

    /** False for a path that is not the sign-in's. */
    boolean answer(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case AUTHORIZE -> authorize(exchange);
            case TOKEN -> token(exchange);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = FormEncoded.fields(exchange.getRequestURI().getRawQuery());
        challengeMethods.add(String.valueOf(query.get("code_challenge_method")));
        String code = UUID.randomUUID().toString();
        codes.put(
                code,
                new Grant(
                        query.get("code_challenge"),
                        query.get("nonce"),
                        query.get("client_id"),
                        query.get("redirect_uri"),
                        email));
        exchange.getResponseHeaders()
                .add(
                        "Location",
                        query.get("redirect_uri") + "?code=" + code + "&state="
                                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form =
                FormEncoded.fields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(String.valueOf(form.get("code")));
        String verifier = form.get("code_verifier");
        if (grant == null
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || verifier == null
                || grant.challenge() == null
                || !grant.challenge().equals(s256(verifier))) {
            refusals.add("invalid_grant");
            respond(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        respond(
                exchange,
                200,
                Map.of(
                        "access_token",
                        provider.token(provider.claims(grant.email())),
                        "id_token",
                        provider.token(provider.claims(grant.email())
                                .audience(grant.clientId())
                                .claim("nonce", grant.nonce())),
                        "token_type",
                        "Bearer",
                        "expires_in",
                        3600,
                        "scope",
                        "openid email profile"));
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> json) throws IOException {
        byte[] body = JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
