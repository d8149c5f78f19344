package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors Spring MVC, Spring Security's firewall and Tomcat answer themselves are problem+json with a stable type
 * and an X-Request-Id, like the application's own.
 */
@RunledgerIntegrationTest
class FrameworkErrorsApiTest extends ApiTest {

    @LocalServerPort
    int port;

    private String owner;

    @BeforeEach
    void setUp() {
        owner = api.tokenFor("errors-" + UUID.randomUUID() + "@example.com");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient()
                .send(request.header("Authorization", "Bearer " + owner).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://runledger.io/problems/" + type + "\"");
        assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void an_unknown_path_is_a_404_problem() throws Exception {
        assertProblem(send(at("/v1/no-such-thing").GET()), 404, "not-found");
    }

    @Test
    void a_method_the_path_does_not_take_is_a_405_problem_and_so_is_trace() throws Exception {
        assertProblem(send(at("/v1/orgs").DELETE()), 405, "method-not-allowed");
        assertProblem(
                send(at("/v1/orgs").method("TRACE", HttpRequest.BodyPublishers.noBody())), 405, "method-not-allowed");
    }

    @Test
    void a_body_of_another_media_type_is_a_415_problem() throws Exception {
        assertProblem(
                send(at("/v1/orgs")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("name=A"))),
                415,
                "unsupported-media-type");
    }

    @Test
    void an_accept_header_the_answer_cannot_meet_is_a_406_problem() throws Exception {
        assertProblem(send(at("/v1/orgs").header("Accept", "text/csv").GET()), 406, "not-acceptable");
    }

    @Test
    void a_missing_body_is_a_400_malformed_request() throws Exception {
        assertProblem(
                send(at("/v1/orgs")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())),
                400,
                "malformed-request");
    }

    @Test
    void an_unauthenticated_request_carries_a_request_id_too() throws Exception {
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(at("/v1/orgs").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(answer, 401, "unauthenticated");
    }

    /** Refused by Spring Security's access rule, before any controller: operators' health is not for others. */
    @Test
    void a_request_spring_security_forbids_carries_a_request_id_too() throws Exception {
        assertProblem(send(at("/actuator/health/readModels").GET()), 403, "forbidden");
    }

    @Test
    void a_request_id_the_client_sends_is_echoed_on_a_framework_error() throws Exception {
        HttpResponse<String> answer = send(at("/v1/no-such-thing")
                .header("X-Request-Id", "req-framework-1")
                .GET());

        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("req-framework-1");
    }

    @Test
    void a_request_without_an_id_is_given_one_and_its_events_carry_the_id_its_answer_does() throws Exception {
        HttpResponse<String> created = send(at("/v1/orgs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ids Inc\"}")));

        String requestId = created.headers().firstValue("X-Request-Id").orElseThrow();
        String orgId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(jdbc.queryForList("""
                select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' from domain_event_entry
                where aggregate_identifier = ?
                """, String.class, orgId)).containsExactly(requestId);
    }

    private String raw(String requestLineAndHeaders) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLineAndHeaders + "Host: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertRawProblem(String answer, String status, String type) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json", "x-request-id: ");
        assertThat(answer)
                .contains("\"type\":\"https://runledger.io/problems/" + type + "\"")
                .doesNotContain("<html");
    }

    @Test
    void headers_larger_than_the_server_takes_are_a_problem_not_an_html_page() throws Exception {
        // over server.max-http-request-header-size (32 KB)
        String answer = raw("GET /v1/orgs HTTP/1.1\r\nAuthorization: Bearer " + owner + "\r\nX-Padding: "
                + "p".repeat(40_000) + "\r\n");

        assertRawProblem(answer, "431", "request-header-too-large");
    }

    @Test
    void a_431_says_the_connection_closes_so_a_keep_alive_client_answers_its_next_request() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest tooLarge = at("/v1/orgs")
                .header("Authorization", "Bearer " + owner)
                .header("X-Padding", "p".repeat(40_000))
                .GET()
                .build();
        HttpRequest next =
                at("/v1/orgs").header("Authorization", "Bearer " + owner).GET().build();

        HttpResponse<String> refused = client.send(tooLarge, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> answered = client.send(next, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(431);
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        assertThat(answered.statusCode()).isEqualTo(200);
    }

    @Test
    void a_nul_in_the_path_is_a_problem_not_an_html_page() throws Exception {
        assertRawProblem(
                raw("GET /v1/orgs/%00 HTTP/1.1\r\nAuthorization: Bearer " + owner + "\r\n"), "400", "bad-request");
    }

    @Test
    void a_path_the_firewall_refuses_is_a_problem() throws Exception {
        assertProblem(send(at("/v1/orgs/a;b").GET()), 400, "bad-request");
    }
}
