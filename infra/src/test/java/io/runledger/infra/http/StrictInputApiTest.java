package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.util.Map;
import java.util.UUID;

import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Runledger's own API reads exactly the fields it documents, of exactly their types; free-form maps stay free. */
@RunledgerIntegrationTest
class StrictInputApiTest extends OrgOwnerApiTest {

    @Autowired
    StoredEvents storedEvents;

    StrictInputApiTest() {
        super("strict", "Strict Inc");
    }

    private static void assertRefused(
            ResponseEntity<Map<String, Object>> answer, HttpStatus status, String type, String field) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody())
                .containsEntry("type", "https://runledger.io/problems/" + type)
                .containsEntry("field", field);
        assertThat(answer.getBody().get("detail").toString()).contains(field);
    }

    @Test
    void an_unknown_field_is_a_400_naming_it_and_changes_nothing() {
        long before = storedEvents.count();

        ResponseEntity<Map<String, Object>> org =
                api.send(POST, "/v1/orgs", owner.token(), "{\"name\":\"Sneaky\",\"plan\":\"team\"}");
        ResponseEntity<Map<String, Object>> run = owner.queueRun(
                UUID.randomUUID().toString(),
                "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Hi.\",\"priorty\":9}");
        ResponseEntity<Map<String, Object>> changes = owner.send(PATCH, "", "{\"name\":\"Renamed\",\"owner\":\"me\"}");

        assertRefused(org, HttpStatus.BAD_REQUEST, "unknown-field", "plan");
        assertRefused(run, HttpStatus.BAD_REQUEST, "unknown-field", "priorty");
        assertRefused(changes, HttpStatus.BAD_REQUEST, "unknown-field", "owner");
        assertThat(storedEvents.count()).isEqualTo(before);
    }

    @Test
    void free_form_maps_take_any_fields() {
        ResponseEntity<Map<String, Object>> settings =
                owner.send(PATCH, "", "{\"settings\":{\"anything\":{\"nested\":[1,\"two\",true]},\"theme\":\"dark\"}}");

        assertThat(settings.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "4.2", "[\"text\"]", "{\"text\":\"Hi.\"}"})
    void a_value_of_another_type_is_refused_not_coerced(String input) {
        long before = storedEvents.count();

        ResponseEntity<Map<String, Object>> run = owner.queueRun(
                UUID.randomUUID().toString(),
                "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":" + input + "}");

        assertRefused(run, HttpStatus.BAD_REQUEST, "malformed-request", "input");
        assertThat(storedEvents.count()).isEqualTo(before);
    }

    @Test
    void an_enum_is_named_not_numbered_and_a_name_is_text_not_a_number() {
        ResponseEntity<Map<String, Object>> numbered = owner.queueRun(
                UUID.randomUUID().toString(), "{\"pattern\":\"summarize\",\"inputSource\":0,\"input\":\"Hi.\"}");
        ResponseEntity<Map<String, Object>> name = api.send(POST, "/v1/orgs", owner.token(), "{\"name\":42}");

        assertRefused(numbered, HttpStatus.BAD_REQUEST, "malformed-request", "inputSource");
        assertRefused(name, HttpStatus.BAD_REQUEST, "malformed-request", "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Request-Id", "X-Correlation-Id", "Idempotency-Key"})
    void a_stored_header_longer_than_255_characters_is_refused_and_255_are_taken(String header) {
        long before = storedEvents.count();

        ResponseEntity<Map<String, Object>> tooLong = createOrgWith(header, "r".repeat(256));

        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody())
                .containsEntry("type", "https://runledger.io/problems/invalid-parameter")
                .containsEntry("field", header);
        assertThat(storedEvents.count()).isEqualTo(before);
        assertThat(createOrgWith(header, "r".repeat(255)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private ResponseEntity<Map<String, Object>> createOrgWith(String header, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(owner.token());
        headers.set(header, value);
        ResponseEntity answer = http.exchange(
                "/v1/orgs",
                POST,
                new HttpEntity<>("{\"name\":\"Headers " + UUID.randomUUID() + "\"}", headers),
                Map.class);
        return answer;
    }
}
