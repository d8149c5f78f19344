package io.runledger.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** With a management port of its own, the actuator moves there under the same rules as on the main port. */
@RunledgerIntegrationTest
@TestPropertySource(properties = {"management.server.port=0", "management.prometheus.metrics.export.enabled=true",
        "runledger.platform-admins=" + ManagementPortTest.OPERATOR})
// a context of its own (its ports): closed after it, so it does not crowd the suite's PostgreSQL
@DirtiesContext
class ManagementPortTest {

    static final String OPERATOR = "management-ops@example.com";

    @Autowired
    TestRestTemplate http;
    @LocalManagementPort
    int managementPort;

    private final HttpClient client = HttpClient.newHttpClient();

    private int get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void metrics_are_for_platform_admins_and_probes_open_on_the_management_port() throws Exception {
        ApiClient api = new ApiClient(http);

        assertThat(get("/actuator/prometheus", api.tokenFor(OPERATOR))).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null)).isEqualTo(401);
        assertThat(get("/actuator/prometheus", api.tokenFor("not-an-operator@example.com"))).isEqualTo(403);
        assertThat(get("/actuator/health/liveness", null)).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null)).isEqualTo(200);
    }
}
