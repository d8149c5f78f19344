package io.runledger.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.Map;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What operators watch: metrics for platform admins, open probes, health details for admins, ids in the log. */
@ReadModelIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsApiTest {

    @Autowired
    TestRestTemplate http;

    private ApiClient api() {
        return new ApiClient(http);
    }

    private ResponseEntity<String> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void prometheus_shows_axon_processors_commands_read_model_lag_and_dead_letters_to_platform_admins_only() {
        String operator = api().tokenFor(ReadModelIntegrationTest.PLATFORM_ADMIN);
        // a command, so the command bus has something to count
        api().createOrg(api().tokenFor("metrics-owner@example.com"), "Metrics Org");

        ResponseEntity<String> metrics = get("/actuator/prometheus", operator);

        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody())
                .contains("eventProcessor", "commandBus")
                .containsPattern("runledger_read_model_lag_events\\{[^}]*processor=\"read-system-logs\"")
                .containsPattern("runledger_read_model_lag_seconds\\{")
                .containsPattern("runledger_dead_letters\\{[^}]*processor=\"stripe-customers\"")
                .contains("http_server_requests_seconds_count");
        assertThat(get("/actuator/prometheus", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/actuator/prometheus", api().tokenFor("curious-metrics@example.com")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void health_shows_its_components_to_platform_admins_and_only_the_status_to_others() {
        ResponseEntity<Map> anonymous = http.getForEntity("/actuator/health", Map.class);
        HttpHeaders operator = new HttpHeaders();
        operator.setBearerAuth(api().tokenFor(ReadModelIntegrationTest.PLATFORM_ADMIN));
        ResponseEntity<Map> detailed = http.exchange("/actuator/health", GET, new HttpEntity<>(operator), Map.class);
        HttpHeaders someone = new HttpHeaders();
        someone.setBearerAuth(api().tokenFor("curious-health@example.com"));
        ResponseEntity<Map> member = http.exchange("/actuator/health", GET, new HttpEntity<>(someone), Map.class);

        assertThat(anonymous.getBody()).containsEntry("status", "UP").doesNotContainKey("components");
        assertThat(member.getBody()).containsEntry("status", "UP").doesNotContainKey("components");
        assertThat((Map<String, Object>) detailed.getBody().get("components")).containsKeys("db", "readModels");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void liveness_and_readiness_answer_without_credentials() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            ResponseEntity<Map> answer = http.getForEntity(probe, Map.class);

            assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).as(probe).containsEntry("status", "UP");
            assertThat(answer.getHeaders().getFirst("X-Request-Id")).as(probe).isNotBlank();
        }
    }

    @Test
    void each_request_is_logged_once_with_its_request_and_correlation_ids(CapturedOutput log) {
        String token = api().tokenFor("logged@example.com");
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Request-Id", "ops-request-1");
        headers.set("X-Correlation-Id", "ops-conversation-1");

        ResponseEntity<String> created = http.exchange("/v1/orgs", POST, new HttpEntity<>("{\"name\":\"Logged Org\"}", headers),
                String.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(log.getOut().lines().filter(line -> line.contains("runledger.access")
                && line.contains("[ops-request-1,ops-conversation-1]") && line.contains("POST /v1/orgs 201")))
                .hasSize(1);
    }
}
