package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.runledger.domain.user.UserRegistered;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@RunledgerIntegrationTest
class AuthenticationApiTest extends ApiTest {

    @Autowired
    StoredEvents storedEvents;

    private String tokenFor(String email) {
        return api.tokenFor(email);
    }

    private ResponseEntity<Map<String, Object>> createOrg(String token, String body) {
        return api.send(HttpMethod.POST, "/v1/orgs", token, body);
    }

    private int storedEvents(String payloadType) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type = ?", Integer.class, payloadType);
    }

    /** Creating an org as {@code token} with {@code body} is refused with a problem of {@code type}; no org is made. */
    private Map<String, Object> refusedOrgCreation(String token, String body, HttpStatus status, String type) {
        int before = storedEvents("io.runledger.domain.org.OrgCreated");

        ResponseEntity<Map<String, Object>> answer = createOrg(token, body);

        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("type", "https://runledger.io/problems/" + type);
        assertThat(storedEvents("io.runledger.domain.org.OrgCreated")).isEqualTo(before);
        return answer.getBody();
    }

    @Test
    void a_request_without_a_token_gets_a_401_problem_and_changes_nothing() {
        refusedOrgCreation(null, "{\"name\":\"Acme\"}", HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Test
    void a_forged_token_is_rejected() {
        String token = tokenFor("mallory@example.com");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        assertThat(createOrg(forged, "{\"name\":\"Acme\"}").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void the_caller_of_a_token_creates_an_org_and_is_recorded_as_its_actor() {
        ResponseEntity<Map<String, Object>> answer =
                createOrg(tokenFor("ada@example.com"), "{\"name\":\"Acme\",\"slug\":\"acme\"}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String orgId = (String) answer.getBody().get("id");
        assertThat(answer.getHeaders().getLocation()).hasPath("/v1/orgs/" + orgId);
        Map<String, Object> stored = jdbc.queryForMap("""
                select m ->> 'actor' as actor, m ->> 'requestId' as request_id
                from domain_event_entry cross join lateral (select convert_from(meta_data, 'UTF8')::jsonb as m) metadata
                where aggregate_identifier = ? and sequence_number = 0
                """, orgId);
        String adaUserId = storedEvents.ofType(UserRegistered.class).stream()
                .filter(registered -> registered.email().equals("ada@example.com"))
                .findFirst()
                .orElseThrow()
                .userId()
                .toString();
        assertThat(stored).containsEntry("actor", adaUserId);
        assertThat(answer.getHeaders().getFirst("X-Request-Id")).isEqualTo(stored.get("request_id"));
    }

    @Test
    void concurrent_first_requests_of_a_new_person_register_them_exactly_once() throws Exception {
        String token = tokenFor("grace@example.com");
        List<Callable<HttpStatus>> firstRequests = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            firstRequests.add(() -> (HttpStatus)
                    createOrg(token, "{\"name\":\"Org " + n + "\"}").getStatusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<HttpStatus> status : pool.invokeAll(firstRequests)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(HttpStatus.CREATED).hasSize(16);
        assertThat(storedEvents.ofType(UserRegistered.class))
                .filteredOn(registered -> registered.email().equals("grace@example.com"))
                .hasSize(1);
    }

    @Test
    void malformed_json_gets_a_400_problem_and_creates_nothing() {
        refusedOrgCreation(tokenFor("linus@example.com"), "{\"name\": ", HttpStatus.BAD_REQUEST, "malformed-request");
    }

    @Test
    void an_org_without_a_name_gets_a_422_problem_that_says_so_and_creates_nothing() {
        assertThat(refusedOrgCreation(
                        tokenFor("barbara@example.com"),
                        "{\"name\":\"  \"}",
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "invalid-command"))
                .containsEntry("detail", "An org needs a name");
    }
}
