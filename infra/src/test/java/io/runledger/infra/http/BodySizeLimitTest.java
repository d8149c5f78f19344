package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The default limit of 1 MB, against bodies that declare their length and bodies that do not. */
@RunledgerIntegrationTest
class BodySizeLimitTest extends ApiTest {

    private static final String OVERSIZED_ORG = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

    @LocalServerPort
    int port;

    private int orgsCreated() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type = 'io.runledger.domain.org.OrgCreated'",
                Integer.class);
    }

    @Test
    void a_body_declared_larger_than_the_limit_is_a_413_problem() {
        String token = api.tokenFor("big@example.com");
        int before = orgsCreated();

        ResponseEntity<Map<String, Object>> refused = api.send(HttpMethod.POST, "/v1/orgs", token, OVERSIZED_ORG);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/body-too-large");
        assertThat(orgsCreated()).isEqualTo(before);
    }

    @Test
    void a_chunked_body_is_cut_off_at_the_limit_with_a_413() throws Exception {
        String token = api.tokenFor("chunked@example.com");
        int before = orgsCreated();
        byte[] body = OVERSIZED_ORG.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/orgs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                // a stream of unknown length goes out chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("https://runledger.io/problems/body-too-large");
        assertThat(orgsCreated()).isEqualTo(before);
    }
}
