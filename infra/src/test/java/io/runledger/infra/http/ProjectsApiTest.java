package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.util.Map;
import java.util.UUID;

import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Projects and generation requests of an org on the free plan (3 generations a month). */
@RunledgerIntegrationTest
class ProjectsApiTest extends OrgOwnerApiTest {

    private static final String NEON =
            "{\"name\":\"Neon\",\"prompt\":\"city lights\",\"audioPath\":\"audio/neon.wav\"}";

    ProjectsApiTest() {
        super("projects", "Studio");
    }

    private String createProject() {
        ResponseEntity<Map<String, Object>> created = owner.send(POST, "/projects", NEON);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    private ResponseEntity<Map<String, Object>> requestGeneration(String projectId, String key) {
        return api.send(
                POST,
                "/v1/orgs/" + owner.orgId() + "/projects/" + projectId + "/generations",
                owner.token(),
                "{}",
                key);
    }

    private int eventsOfType(String type) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type = ?
                  and convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ?
                """, Integer.class, type, owner.orgId());
    }

    @Test
    void a_project_is_created_with_seed_defaults_and_edited() {
        String projectId = createProject();

        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb -> 'details' ->> 'resolution' from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0
                """, String.class, projectId)).isEqualTo("1080p");
        assertThat(owner.send(PATCH, "/projects/" + projectId, "{\"effectIntensity\":0.9}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eventsOfType("io.runledger.domain.project.ProjectUpdated")).isEqualTo(1);
    }

    @Test
    void a_ratio_outside_zero_to_one_is_a_422_naming_the_field() {
        ResponseEntity<Map<String, Object>> refused = owner.send(
                POST,
                "/projects",
                "{\"name\":\"Neon\",\"prompt\":\"p\",\"audioPath\":\"a.wav\",\"footageVisibility\":1.5}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) refused.getBody().get("detail")).contains("footageVisibility");
        assertThat(eventsOfType("io.runledger.domain.project.ProjectCreated")).isZero();
    }

    @Test
    void another_orgs_project_is_not_found_through_this_org() {
        String stranger = api.tokenFor("stranger-" + UUID.randomUUID() + "@example.com");
        String strangersOrg = api.createOrg(stranger, "Elsewhere");
        String strangersProject = (String) api.send(POST, "/v1/orgs/" + strangersOrg + "/projects", stranger, NEON)
                .getBody()
                .get("id");

        ResponseEntity<Map<String, Object>> answer =
                owner.send(PATCH, "/projects/" + strangersProject, "{\"name\":\"Mine now\"}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(requestGeneration(strangersProject, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_generation_request_is_accepted_once_however_often_it_is_retried() {
        String projectId = createProject();

        ResponseEntity<Map<String, Object>> first = requestGeneration(projectId, "gen-1");
        ResponseEntity<Map<String, Object>> retry = requestGeneration(projectId, "gen-1");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(first.getBody()).containsEntry("status", "pending");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(eventsOfType("io.runledger.domain.generation.GenerationRequested"))
                .isEqualTo(1);
    }

    @Test
    void the_fourth_generation_of_the_month_on_the_free_plan_is_a_429() {
        for (int i = 0; i < 3; i++) {
            assertThat(requestGeneration(createProject(), null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        }

        ResponseEntity<Map<String, Object>> refused = requestGeneration(createProject(), null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getBody())
                .containsEntry("limit", "generations_per_month")
                .containsEntry("allowed", 3);
        assertThat(eventsOfType("io.runledger.domain.generation.GenerationRequested"))
                .isEqualTo(3);
    }
}
