package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
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

    /**
     * Every example the document shows is valid against the schema it illustrates: each field's, each schema's made
     * of its fields' examples, and each request body's; and every request body and main answer has one.
     */
    @Test
    void every_example_is_valid_against_its_schema_and_every_request_body_has_one() throws Exception {
        String docs = http.getForObject("/v3/api-docs", String.class);
        OpenAPI api = new OpenAPIV3Parser().readContents(docs, null, null).getOpenAPI();
        JsonNode document = new ObjectMapper().readTree(docs);
        SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
        List<String> invalid = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        document.at("/components/schemas").properties().forEach(named -> {
            Schema<?> schema = api.getComponents().getSchemas().get(named.getKey());
            ObjectNode composed = new ObjectMapper().createObjectNode();
            named.getValue().path("properties").properties().forEach(field -> {
                if (field.getValue().has("example")) {
                    JsonNode example = field.getValue().get("example");
                    check(
                            validator,
                            example,
                            schema.getProperties().get(field.getKey()),
                            named.getKey() + "." + field.getKey(),
                            invalid);
                    composed.set(field.getKey(), example);
                }
            });
            if (!composed.isEmpty()) {
                // the fields shown together, as a body with only them would be checked
                List<String> required = schema.getRequired();
                schema.setRequired(
                        required == null
                                ? null
                                : required.stream().filter(composed::has).toList());
                check(validator, composed, schema, named.getKey(), invalid);
                schema.setRequired(required);
                shown.add(named.getKey());
            }
        });
        List<String> withoutExample = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode body = operation.getValue().at("/requestBody/content/application~1json");
                    if (body.isMissingNode()) {
                        return;
                    }
                    Schema<?> schema = api.getPaths().get(path.getKey()).readOperationsMap().values().stream()
                            .filter(each -> operation
                                    .getValue()
                                    .path("operationId")
                                    .asText()
                                    .equals(each.getOperationId()))
                            .findFirst()
                            .orElseThrow()
                            .getRequestBody()
                            .getContent()
                            .get("application/json")
                            .getSchema();
                    String where = operation.getValue().path("operationId").asText();
                    // the body's own example, its named ones, or an inline schema's
                    List<JsonNode> examples = new ArrayList<>();
                    body.path("examples").forEach(example -> examples.add(example.get("value")));
                    List.of(body.path("example"), body.at("/schema/example")).stream()
                            .filter(example -> !example.isMissingNode())
                            .forEach(examples::add);
                    examples.forEach(example -> check(validator, example, schema, where, invalid));
                    String ref = body.at("/schema/$ref").asText();
                    if (examples.isEmpty() && !shown.contains(ref.substring(ref.lastIndexOf('/') + 1))) {
                        withoutExample.add(where);
                    }
                }));

        assertThat(invalid).isEmpty();
        assertThat(withoutExample).isEmpty();
        assertThat(shown).contains("OrgView", "RunView", "ProjectView", "GenerationView", "QueuedRun");
    }

    /** Tags by feature: each operation under one tag the document declares, and no declared tag left empty. */
    @Test
    void every_operation_is_under_one_feature_tag() throws Exception {
        JsonNode document = new ObjectMapper().readTree(http.getForObject("/v3/api-docs", String.class));
        List<String> declared = new ArrayList<>();
        document.path("tags").forEach(tag -> declared.add(tag.path("name").asText()));
        List<String> used = new ArrayList<>();
        document.path("paths")
                .forEach(path -> path.forEach(operation -> {
                    assertThat(operation.path("tags"))
                            .as(operation.path("operationId").asText())
                            .hasSize(1);
                    used.add(operation.path("tags").get(0).asText());
                }));

        assertThat(declared)
                .containsExactlyInAnyOrderElementsOf(used.stream().distinct().toList());
    }

    private static void check(
            SchemaValidator validator, JsonNode example, Schema<?> schema, String where, List<String> invalid) {
        ValidationReport report = validator.validate(() -> example, schema, "example");
        if (report.hasErrors()) {
            invalid.add(where + " " + example + ": " + report.getMessages());
        }
    }
}
