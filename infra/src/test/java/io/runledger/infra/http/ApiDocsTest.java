package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@RunledgerIntegrationTest
class ApiDocsTest {

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void the_openapi_document_is_generated_from_the_controllers_and_open_to_read() {
        ResponseEntity<Map> docs = http.getForEntity("/v3/api-docs", Map.class);

        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) docs.getBody().get("paths"))
                .containsKeys(
                        "/v1/orgs",
                        "/v1/orgs/{orgId}",
                        "/v1/orgs/{orgId}/members",
                        "/v1/orgs/{orgId}/members/{userId}",
                        "/dev/tokens");
        assertThat((Map<String, Object>)
                        ((Map<String, Object>) docs.getBody().get("components")).get("securitySchemes"))
                .containsKeys("personToken", "apiKey", "workerToken", "stripeSignature");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** The document as the service serves it, for {@code .ci/openapi-check} (Redocly's lint, the generated client). */
    @Test
    void the_document_is_written_to_target_for_the_lint_and_the_generated_client() throws Exception {
        String docs = http.getForObject("/v3/api-docs", String.class);

        Files.writeString(Files.createDirectories(Path.of("target")).resolve("openapi.json"), docs);
        assertThat(docs).contains("\"openapi\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_body_is_documented_with_its_own_fields_and_the_error_page_is_no_operation() {
        Map<String, Object> docs = http.getForObject("/v3/api-docs", Map.class);
        Map<String, Object> paths = (Map<String, Object>) docs.get("paths");
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) docs.get("components")).get("schemas");

        // two records of one simple name were documented as one schema: a generation's failure showed a run's fields
        assertThat(((Map<String, Object>) ((Map<String, Object>) schemas.get("GenerationFailure")).get("properties")))
                .containsOnlyKeys("leaseId", "errorMessage");
        assertThat(((Map<String, Object>) ((Map<String, Object>) schemas.get("RunFailure")).get("properties")))
                .containsOnlyKeys("leaseId", "error");
        assertThat(paths).doesNotContainKey("/error");
    }
}
