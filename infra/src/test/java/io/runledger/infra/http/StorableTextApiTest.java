package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.command.auth.LocalIssuer;
import io.runledger.domain.user.AuthProvider;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Text PostgreSQL cannot store (U+0000, unpaired surrogates) and numbers beyond its reach, sent to every place
 * a request carries text into Runledger: each is refused at the door with a problem naming the field, and
 * nothing is stored.
 */
@RunledgerIntegrationTest
@TestPropertySource(properties = "runledger.platform-admins=" + StorableTextApiTest.PLATFORM_ADMIN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorableTextApiTest extends ApiTest {

    static final String PLATFORM_ADMIN = "text-ops@example.com";
    private static final String NUL = "\\u0000";

    @Autowired
    LocalIssuer issuer;

    @Autowired
    StoredEvents storedEvents;

    @LocalServerPort
    int port;

    private String owner;
    private String admin;
    private String orgId;
    private String memberId;
    private String projectId;
    private String patternId;

    @BeforeAll
    void anOrgWithAProjectAndAMember() {
        owner = api.tokenFor("text-owner-" + UUID.randomUUID() + "@example.com");
        admin = api.tokenFor(PLATFORM_ADMIN);
        orgId = api.createOrg(owner, "Text Rules");
        String memberEmail = "text-member-" + UUID.randomUUID() + "@example.com";
        api.createOrg(api.tokenFor(memberEmail), "Member's own");
        memberId = (String) api.send(
                        POST,
                        "/v1/orgs/" + orgId + "/members",
                        owner,
                        "{\"email\":\"" + memberEmail + "\",\"role\":\"viewer\"}")
                .getBody()
                .get("userId");
        projectId = (String) api.send(
                        POST,
                        "/v1/orgs/" + orgId + "/projects",
                        owner,
                        "{\"name\":\"Clip\",\"prompt\":\"rain\",\"audioPath\":\"audio/rain.mp3\"}")
                .getBody()
                .get("id");
        patternId = (String) api.send(
                        POST,
                        "/v1/patterns",
                        admin,
                        "{\"name\":\"text_rules_" + UUID.randomUUID().toString().substring(0, 6) + "\"}")
                .getBody()
                .get("id");
    }

    private static void assertRefused(
            ResponseEntity<Map<String, Object>> answer, String type, String in, String field) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody())
                .containsEntry("type", "https://runledger.io/problems/" + type)
                .containsEntry("in", in)
                .containsEntry("field", field);
    }

    /** A worker's report or claim: a POST with the worker's token. */
    private static Arguments byWorker(String path, String body, String field) {
        return Arguments.of(POST, path, TenantDay.WORKER, body, field);
    }

    /** A worker's report that carries nothing but its lease, whose id is the unstorable text. */
    private static Arguments unstorableLease(String path) {
        return byWorker(path, "{\"leaseId\":\"" + NUL + "\"}", "leaseId");
    }

    /** A worker's report on a job it holds: its lease, and the report's {@code fields}. */
    private static Arguments underLease(String path, String fields, String field) {
        return byWorker(path, "{\"leaseId\":\"" + UUID.randomUUID() + "\"," + fields + "}", field);
    }

    /** Every request that takes a JSON body, each with one unstorable text where its field is. */
    Stream<Arguments> everyJsonBody() {
        String org = "/v1/orgs/" + orgId;
        String run = "/v1/worker/runs/" + UUID.randomUUID();
        String generation = "/v1/worker/generations/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of(
                        POST,
                        "/dev/tokens",
                        null,
                        "{\"email\":\"dev@example.com\",\"name\":\"Dev" + NUL + "\"}",
                        "name"),
                Arguments.of(POST, "/v1/orgs", owner, "{\"name\":\"Acme" + NUL + "Corp\"}", "name"),
                Arguments.of(POST, "/v1/orgs", owner, "{\"name\":\"Acme\",\"slug\":\"acme" + NUL + "\"}", "slug"),
                Arguments.of(PATCH, org, owner, "{\"name\":\"Renamed" + NUL + "\"}", "name"),
                Arguments.of(
                        PATCH,
                        org,
                        owner,
                        "{\"settings\":{\"theme\":{\"colors\":[\"red\",\"bl" + NUL + "ue\"]}}}",
                        "settings.theme.colors[1]"),
                Arguments.of(PATCH, org, owner, "{\"settings\":{\"a" + NUL + "b\":true}}", "settings.a\\u0000b"),
                Arguments.of(
                        POST,
                        org + "/members",
                        owner,
                        "{\"email\":\"x" + NUL + "@example.com\",\"role\":\"viewer\"}",
                        "email"),
                Arguments.of(PATCH, org + "/members/" + memberId, owner, "{\"role\":\"admin" + NUL + "\"}", "role"),
                Arguments.of(
                        POST, org + "/api-keys", owner, "{\"name\":\"CI" + NUL + "\",\"role\":\"developer\"}", "name"),
                Arguments.of(
                        POST,
                        org + "/runs",
                        owner,
                        "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"a" + NUL + "b\"}",
                        "input"),
                Arguments.of(
                        POST,
                        org + "/projects",
                        owner,
                        "{\"name\":\"P\",\"prompt\":\"p" + NUL + "\",\"audioPath\":\"a.mp3\"}",
                        "prompt"),
                Arguments.of(
                        PATCH,
                        org + "/projects/" + projectId,
                        owner,
                        "{\"description\":\"" + NUL + "\"}",
                        "description"),
                Arguments.of(
                        POST,
                        org + "/projects/" + projectId + "/generations",
                        owner,
                        "{\"seed\":\"s" + NUL + "\"}",
                        "seed"),
                Arguments.of(POST, org + "/billing/checkout", owner, "{\"plan\":\"pro" + NUL + "\"}", "plan"),
                Arguments.of(POST, "/v1/patterns", admin, "{\"name\":\"n" + NUL + "\"}", "name"),
                Arguments.of(PATCH, "/v1/patterns/" + patternId, admin, "{\"category\":\"c" + NUL + "\"}", "category"),
                Arguments.of(PUT, "/v1/admin/orgs/" + orgId + "/plan", admin, "{\"plan\":\"" + NUL + "\"}", "plan"),
                byWorker("/v1/worker/runs/claim", "{\"workerId\":\"llm" + NUL + "\"}", "workerId"),
                unstorableLease(run + "/heartbeat"),
                unstorableLease(run + "/start"),
                underLease(run + "/outputs", "\"content\":\"x\",\"keywords\":[\"a\",\"" + NUL + "\"]", "keywords[1]"),
                underLease(
                        run + "/outputs",
                        "\"content\":\"x\",\"metadata\":{\"model\":{\"n" + NUL + "\":1}}",
                        "metadata.model.n\\u0000"),
                underLease(run + "/usage", "\"meter\":\"tokens" + NUL + "\",\"quantity\":1", "meter"),
                unstorableLease(run + "/complete"),
                underLease(run + "/fail", "\"error\":\"overloaded" + NUL + "\"", "error"),
                byWorker("/v1/worker/generations/claim", "{\"workerId\":\"" + NUL + "\"}", "workerId"),
                unstorableLease(generation + "/heartbeat"),
                underLease(
                        generation + "/analysis", "\"audioAnalysis\":{\"key\":\"C" + NUL + "\"}", "audioAnalysis.key"),
                underLease(
                        generation + "/plan",
                        "\"visualPlan\":{\"scenes\":[{\"title\":\"" + NUL + "\"}]}",
                        "visualPlan.scenes[0].title"),
                unstorableLease(generation + "/render"),
                underLease(generation + "/complete", "\"videoUrl\":\"https://cdn/" + NUL + "\"", "videoUrl"),
                underLease(generation + "/fail", "\"errorMessage\":\"" + NUL + "\"", "errorMessage"));
    }

    @ParameterizedTest(name = "{0} {1} {4}")
    @MethodSource("everyJsonBody")
    void a_nul_anywhere_in_a_json_body_is_a_422_naming_its_field_and_stores_nothing(
            HttpMethod method, String path, String token, String body, String field) {
        long before = storedEvents.count();

        ResponseEntity<Map<String, Object>> answer = api.send(method, path, token, body);

        assertRefused(answer, "invalid-text", "body", field);
        assertThat((String) answer.getBody().get("detail")).contains("a NUL character (U+0000)");
        assertThat(storedEvents.count()).isEqualTo(before);
    }

    @Test
    void the_readme_example_is_refused_and_orgs_created_after_it_are_readable() {
        ResponseEntity<Map<String, Object>> refused =
                api.send(POST, "/v1/orgs", owner, "{\"name\":\"Acme\\u0000Corp\"}");
        String later = api.createOrg(owner, "Acme Corp");

        assertRefused(refused, "invalid-text", "body", "name");
        assertThat(refused.getBody())
                .containsEntry(
                        "detail",
                        "Field name of the body contains a NUL character (U+0000) at "
                                + "character 5; text may contain neither NUL characters nor unpaired surrogates");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        api.send(GET, "/v1/orgs/" + later, owner, null).getStatusCode())
                .isEqualTo(HttpStatus.OK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud83d", "\\ude00", "x\\ud83dy", "\\ude00\\ud83d"})
    void an_unpaired_surrogate_is_refused(String name) {
        assertRefused(api.send(POST, "/v1/orgs", owner, "{\"name\":\"" + name + "\"}"), "invalid-text", "body", "name");
    }

    @Test
    void characters_beyond_the_basic_plane_are_kept() {
        String orgWithEmoji = api.createOrg(owner, "Rain \\ud83c\\udf27 Studio");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        api.send(GET, "/v1/orgs/" + orgWithEmoji, owner, null).getBody())
                .containsEntry("name", "Rain \uD83C\uDF27 Studio"));
    }

    @Test
    void a_number_beyond_a_doubles_range_is_refused() {
        long before = storedEvents.count();

        ResponseEntity<Map<String, Object>> project = api.send(
                POST,
                "/v1/orgs/" + orgId + "/projects",
                owner,
                "{\"name\":\"P\",\"prompt\":\"p\",\"audioPath\":\"a.mp3\",\"audioDuration\":1e400}");
        ResponseEntity<Map<String, Object>> completion = api.send(
                POST,
                "/v1/worker/generations/" + UUID.randomUUID() + "/complete",
                TenantDay.WORKER,
                "{\"leaseId\":\"" + UUID.randomUUID() + "\",\"videoUrl\":\"v\",\"durationSeconds\":1e200000}");
        ResponseEntity<Map<String, Object>> settings =
                api.send(PATCH, "/v1/orgs/" + orgId, owner, "{\"settings\":{\"tiny\":1e-1001}}");
        ResponseEntity<Map<String, Object>> inRange = api.send(
                PATCH, "/v1/orgs/" + orgId, owner, "{\"settings\":{\"large\":1.5e308,\"small\":1e-300,\"count\":12}}");

        assertRefused(project, "number-out-of-range", "body", "audioDuration");
        assertRefused(completion, "number-out-of-range", "body", "durationSeconds");
        assertRefused(settings, "number-out-of-range", "body", "settings.tiny");
        assertThat(inRange.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(storedEvents.count()).isEqualTo(before + 1);
    }

    @Test
    void a_nul_in_a_query_parameter_is_a_422_not_a_database_error() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/orgs/" + orgId + "/runs?pattern=summ%00arize"))
                .header("Authorization", "Bearer " + owner)
                .GET()
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body())
                .contains(
                        "\"type\":\"https://runledger.io/problems/invalid-text\"",
                        "\"in\":\"query\"",
                        "\"field\":\"pattern\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Idempotency-Key", "X-Request-Id", "X-Correlation-Id"})
    void a_nul_in_a_stored_header_is_refused_before_anything_reads_it(String header) throws Exception {
        long before = storedEvents.count();
        String body = "{\"name\":\"Headers\"}";
        String request = "POST /v1/orgs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + owner
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n"
                + header + ": a\u0000b\r\n\r\n" + body;

        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        // Tomcat answers a control character in a header itself, before Runledger's own check (StorableRequestText)
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(storedEvents.count()).isEqualTo(before);
    }

    @Test
    void a_token_claim_the_database_cannot_store_registers_no_one() {
        String email = "claims-" + UUID.randomUUID() + "@example.com";
        String token = issuer.mint(email, "Ada\u0000", AuthProvider.GITHUB);

        ResponseEntity<Map<String, Object>> refused = api.send(GET, "/v1/orgs", token, null);

        assertRefused(refused, "invalid-text", "token", "name");
        assertThat(jdbc.queryForList("select email from access_users where email = ?", String.class, email))
                .isEmpty();
    }
}
