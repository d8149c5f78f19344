package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The owner of org A, at every endpoint that names an org or a resource of one: org B's ids, in B's paths
 * or smuggled into A's, are "not found", exactly like ids that do not exist, and change nothing.
 */
@RunledgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantAccessTest extends ApiTest {

    private String ownerOfA;
    private String orgA;
    private String orgB;
    private String projectOfB;
    private String memberOfB;
    private String keyOfB;

    @BeforeAll
    void two_tenants_each_with_a_project_a_member_and_a_key() {
        ownerOfA = api.tokenFor("tenant-a-" + UUID.randomUUID() + "@example.com");
        String ownerOfB = api.tokenFor("tenant-b-" + UUID.randomUUID() + "@example.com");
        orgA = api.createOrg(ownerOfA, "Tenant A");
        orgB = api.createOrg(ownerOfB, "Tenant B");
        projectOfB = (String) api.send(
                        HttpMethod.POST,
                        "/v1/orgs/" + orgB + "/projects",
                        ownerOfB,
                        "{\"name\":\"B's video\",\"prompt\":\"rain\",\"audioPath\":\"audio/b.mp3\"}")
                .getBody()
                .get("id");
        memberOfB = jdbc.queryForObject(
                "select user_id::text from access_memberships where org_id = ?::uuid", String.class, orgB);
        keyOfB = (String) api.send(
                        HttpMethod.POST,
                        "/v1/orgs/" + orgB + "/api-keys",
                        ownerOfB,
                        "{\"name\":\"B's CI\",\"role\":\"developer\"}")
                .getBody()
                .get("id");
    }

    record Call(HttpMethod method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    Stream<Call> callsWithTheOtherTenantsIds() {
        String run = "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"x\"}";
        return Stream.of(
                new Call(HttpMethod.PATCH, "/v1/orgs/" + orgB, "{\"name\":\"Taken over\"}"),
                new Call(
                        HttpMethod.POST,
                        "/v1/orgs/" + orgB + "/members",
                        "{\"email\":\"a@example.com\",\"role\":\"viewer\"}"),
                new Call(HttpMethod.PATCH, "/v1/orgs/" + orgB + "/members/" + memberOfB, "{\"role\":\"viewer\"}"),
                new Call(HttpMethod.DELETE, "/v1/orgs/" + orgB + "/members/" + memberOfB, null),
                new Call(HttpMethod.PATCH, "/v1/orgs/" + orgA + "/members/" + memberOfB, "{\"role\":\"viewer\"}"),
                new Call(HttpMethod.DELETE, "/v1/orgs/" + orgA + "/members/" + memberOfB, null),
                new Call(HttpMethod.POST, "/v1/orgs/" + orgB + "/runs", run),
                new Call(HttpMethod.POST, "/v1/orgs/" + orgB + "/projects", "{\"name\":\"Intruder\"}"),
                new Call(HttpMethod.PATCH, "/v1/orgs/" + orgB + "/projects/" + projectOfB, "{\"name\":\"Renamed\"}"),
                new Call(HttpMethod.PATCH, "/v1/orgs/" + orgA + "/projects/" + projectOfB, "{\"name\":\"Renamed\"}"),
                new Call(HttpMethod.POST, "/v1/orgs/" + orgB + "/projects/" + projectOfB + "/generations", "{}"),
                new Call(HttpMethod.POST, "/v1/orgs/" + orgA + "/projects/" + projectOfB + "/generations", "{}"),
                new Call(
                        HttpMethod.POST,
                        "/v1/orgs/" + orgB + "/api-keys",
                        "{\"name\":\"Mine now\",\"role\":\"admin\"}"),
                new Call(HttpMethod.GET, "/v1/orgs/" + orgB + "/api-keys", null),
                new Call(HttpMethod.DELETE, "/v1/orgs/" + orgB + "/api-keys/" + keyOfB, null),
                new Call(HttpMethod.DELETE, "/v1/orgs/" + orgA + "/api-keys/" + keyOfB, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callsWithTheOtherTenantsIds")
    void the_other_tenants_ids_are_not_found_and_nothing_changes(Call call) {
        long eventsBefore = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        ResponseEntity<Map<String, Object>> answer = api.send(call.method(), call.path(), ownerOfA, call.body());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody()).containsEntry("type", "https://runledger.io/problems/not-found");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);
    }
}
