package io.runledger.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.OrgOwner;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * What operators watch: the Prometheus scrape (platform admins only), health details (platform admins only), the
 * probes (open), and the request's ids on the lines logged for it and in the access log.
 */
@ReadModelIntegrationTest
// Spring Boot's tests leave metrics export (the Prometheus registry) off unless asked
@AutoConfigureObservability(tracing = false)
// DispatcherServlet logs a line for every request at debug: a line logged while serving the request
@TestPropertySource(properties = "logging.level.org.springframework.web.servlet.DispatcherServlet=debug")
@ExtendWith(OutputCaptureExtension.class)
class OperationsApiTest extends ApiTest {

    @Autowired
    Environment environment;

    private String operator;
    private String tenant;

    @BeforeAll
    void setUp() {
        operator = api.tokenFor(ReadModelIntegrationTest.PLATFORM_ADMIN);
        // a command through the command bus, and events through the processors, for their meters
        tenant = OrgOwner.signUp(api, "tenant", "Watched Inc").token();
    }

    private ResponseEntity<String> get(String path, String token, Map<String, String> headers) {
        HttpHeaders sent = new HttpHeaders();
        if (token != null) {
            sent.setBearerAuth(token);
        }
        headers.forEach(sent::set);
        return http.exchange(path, GET, new HttpEntity<>(sent), String.class);
    }

    @Test
    void the_prometheus_scrape_is_for_platform_admins_and_carries_axons_meters_and_the_read_models_lag() {
        assertThat(get("/actuator/prometheus", null, Map.of()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/actuator/prometheus", tenant, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> scrape = get("/actuator/prometheus", operator, Map.of());

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody())
                .contains("eventProcessor_")
                .contains("commandBus_")
                .contains("runledger_read_model_lag_seconds{readModel=\"read-runs\"}")
                .contains("runledger_read_model_lag_events{readModel=\"read-runs\"}")
                .contains("runledger_dead_letters{processingGroup=\"read-runs\"}")
                .contains("runledger_dead_letters{processingGroup=\"stripe-meter-events\"}")
                .contains("http_server_requests_seconds_count");
        // Axon's timers count and time every command and event without computing percentiles in the process
        assertThat(scrape.getBody().lines().filter(line -> line.startsWith("commandBus_allTimer_seconds")))
                .anyMatch(line -> line.startsWith("commandBus_allTimer_seconds_count"))
                .anyMatch(line -> line.startsWith("commandBus_allTimer_seconds_max"))
                .noneMatch(line -> line.contains("quantile="));
    }

    /**
     * Axon's capacity gauge keeps an entry per event handled for its window: over Axon's ten minutes, a catch-up of
     * a million events filled a 256 MB heap. Over ten seconds, the gauge falls back to zero soon after the work stops.
     */
    @Test
    void a_processors_capacity_is_its_busy_share_of_the_last_ten_seconds() {
        api.createOrg(tenant, "Busy Inc");
        await().atMost(Duration.ofSeconds(5)).until(() -> readModelsCapacity() > 0);

        await().atLeast(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> readModelsCapacity() == 0);
    }

    private double readModelsCapacity() {
        return get("/actuator/prometheus", operator, Map.of())
                .getBody()
                .lines()
                .filter(line ->
                        line.startsWith("eventProcessor_capacity") && line.contains("processorName=\"read-models\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void health_details_are_for_platform_admins_and_the_probes_answer_anyone() {
        assertThat(api.send(GET, "/actuator/health", operator, null).getBody()).containsKey("components");
        assertThat(api.send(GET, "/actuator/health", tenant, null).getBody())
                .containsKey("status")
                .doesNotContainKey("components");
        assertThat(api.send(GET, "/actuator/health", null, null).getBody())
                .containsKey("status")
                .doesNotContainKey("components");

        assertThat(get("/actuator/health/liveness", null, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("/actuator/health/readiness", null, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_lines_logged_for_a_request_name_its_request_and_correlation_ids(CapturedOutput output) {
        String requestId = "req-" + UUID.randomUUID();
        String correlationId = "conversation-" + UUID.randomUUID();

        get("/v1/orgs", tenant, Map.of("X-Request-Id", requestId, "X-Correlation-Id", correlationId));

        assertThat(output.getAll().lines().filter(line -> line.contains("GET \"/v1/orgs\"")))
                .anySatisfy(line -> assertThat(line).contains("[" + requestId + " " + correlationId + "]"));
    }

    @Test
    void the_access_log_has_a_line_for_each_request_with_its_id() {
        String requestId = "req-" + UUID.randomUUID();

        get("/v1/orgs", tenant, Map.of("X-Request-Id", requestId));

        Path logs = Path.of(environment.getProperty("server.tomcat.accesslog.directory"));
        // Tomcat writes its buffered lines out every few seconds
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Stream<Path> files = Files.list(logs)) {
                assertThat(files.filter(file -> file.getFileName().toString().startsWith("access_log"))
                                .flatMap(file -> {
                                    try {
                                        return Files.readAllLines(file).stream();
                                    } catch (IOException unreadable) {
                                        throw new UncheckedIOException(unreadable);
                                    }
                                }))
                        .anySatisfy(line -> assertThat(line)
                                .contains("\"GET /v1/orgs HTTP/1.1\" 200")
                                .endsWith(requestId));
            }
        });
    }
}
