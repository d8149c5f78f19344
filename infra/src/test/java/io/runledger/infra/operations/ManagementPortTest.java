package io.runledger.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** With a management port of their own, the actuator's endpoints keep their rules there. */
@ReadModelIntegrationTest
// Spring Boot's tests leave metrics export (the Prometheus registry) off unless asked
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortTest extends ApiTest {

    @LocalManagementPort
    int managementPort;

    private ResponseEntity<String> onManagementPort(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + managementPort))
                .exchange(path, GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void the_scrape_is_for_platform_admins_and_the_probes_are_open_on_the_management_port() {
        String operator = api.tokenFor(ReadModelIntegrationTest.PLATFORM_ADMIN);
        String tenant = api.tokenFor("tenant-of-the-management-port@example.com");

        assertThat(onManagementPort("/actuator/prometheus", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(onManagementPort("/actuator/prometheus", tenant).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> scrape = onManagementPort("/actuator/prometheus", operator);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody()).contains("runledger_read_model_lag_seconds");
        assertThat(onManagementPort("/actuator/health/liveness", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(onManagementPort("/actuator/health/readiness", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // and the main port no longer serves them
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isNotEqualTo(HttpStatus.OK);
    }
}
