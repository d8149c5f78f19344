package io.runledger.infra.testing;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP API as a client uses it: tokens from {@code /dev/tokens}, JSON in, JSON or problem+json out; every call
 * checked against the API document ({@link SpecValidation}).
 */
public final class ApiClient {

    private final TestRestTemplate http;

    public ApiClient(TestRestTemplate http) {
        SpecValidation.hookInto(http);
        this.http = http;
    }

    public String tokenFor(String email) {
        return tokenFor(email, "github");
    }

    @SuppressWarnings("rawtypes")
    public String tokenFor(String email, String provider) {
        ResponseEntity<Map> minted = http.postForEntity(
                "/dev/tokens", Map.of("email", email, "name", "Test Person", "provider", provider), Map.class);
        if (minted.getStatusCode() != HttpStatus.OK) {
            throw new IllegalStateException("No token for " + email + ": " + minted);
        }
        return (String) minted.getBody().get("accessToken");
    }

    /** {@code token} may be null for an anonymous call; {@code json} null for no body. */
    public ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, String token, String json) {
        return send(method, path, token, json, null);
    }

    /** As {@link #send(HttpMethod, String, String, String)}, with an {@code Idempotency-Key} unless it is null. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public ResponseEntity<Map<String, Object>> send(
            HttpMethod method, String path, String token, String json, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        ResponseEntity answer = http.exchange(path, method, new HttpEntity<>(json, headers), Map.class);
        return answer;
    }

    public String createOrg(String token, String name) {
        ResponseEntity<Map<String, Object>> created =
                send(HttpMethod.POST, "/v1/orgs", token, "{\"name\":\"" + name + "\"}");
        if (created.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException("Org not created: " + created);
        }
        return (String) created.getBody().get("id");
    }
}
