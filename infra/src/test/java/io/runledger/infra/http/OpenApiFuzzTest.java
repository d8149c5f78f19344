package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.POST;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Bad input generated from the live OpenAPI document for every operation in it: each body property of the wrong
 * JSON type, null, with NUL, control characters or an unpaired surrogate, 100 KB long, 10,000 arrays deep; an
 * unknown field, a body that is not an object or not JSON; each path, query and header parameter with NUL, 40 KB
 * long or of the wrong type, each id a random one. Every input the contract refuses is a 4xx problem+json with a
 * stable type and leaves the event store as it was; every other input is answered without a 5xx, and a refusal
 * among them stores nothing either.
 */
@RunledgerIntegrationTest
@TestPropertySource(
        properties = {
            "runledger.platform-admins=" + OpenApiFuzzTest.PLATFORM_ADMIN,
            // the leases the fuzzer holds must not expire (and append events) while it checks the store stays as it was
            "runledger.worker.lease=30m"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// a context of its own (its lease setting): closed after it, so its connections do not crowd the suite's PostgreSQL
@DirtiesContext
class OpenApiFuzzTest {

    static final String PLATFORM_ADMIN = "fuzz-ops@example.com";
    private static final String PROBLEMS = "https://runledger.io/problems/";
    // Billing without Stripe (no STRIPE_API_KEY, as in the tests) answers a checkout it could take 503
    // billing-not-configured: the one 5xx the contract has, given to input the fuzzer may send (a null plan)
    /** Authenticated by Stripe's signature and lenient about Stripe's fields by design (StripeWebhookTest covers it). */
    private static final String STRIPE_WEBHOOK = "/v1/stripe/webhook";

    private static final String HUGE_TEXT = "x".repeat(100 * 1024);
    /** Over the 32 KB header limit, under what a socket buffers, so the answer is read rather than a reset. */
    private static final String HUGE_PARAMETER = "x".repeat(40 * 1024);

    private static final String DEEP = "[".repeat(10_000) + "]".repeat(10_000);
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> leases = new LinkedHashMap<>();
    private String owner;
    private String admin;

    /** What a probe must get: refused (4xx, problem+json, nothing stored; with this type unless null), or anything but a 5xx. */
    private record Probe(
            String operation,
            String mutation,
            String method,
            String path,
            String body,
            Map<String, String> headers,
            boolean mustRefuse,
            String expectedType) {}

    @BeforeAll
    void aTenantWithSomethingBehindEveryId() {
        ApiClient api = new ApiClient(rest);
        owner = api.tokenFor("fuzz-owner-" + UUID.randomUUID() + "@example.com");
        admin = api.tokenFor(PLATFORM_ADMIN);
        String org = api.createOrg(owner, "Fuzz Inc");
        String memberEmail = "fuzz-member-" + UUID.randomUUID() + "@example.com";
        api.createOrg(api.tokenFor(memberEmail), "Member's own");
        ids.put("orgId", org);
        ids.put(
                "userId",
                created(
                        api.send(
                                POST,
                                "/v1/orgs/" + org + "/members",
                                owner,
                                "{\"email\":\"" + memberEmail + "\",\"role\":\"viewer\"}"),
                        "userId"));
        ids.put(
                "keyId",
                created(
                        api.send(
                                POST,
                                "/v1/orgs/" + org + "/api-keys",
                                owner,
                                "{\"name\":\"CI\",\"role\":\"developer\"}"),
                        "id"));
        ids.put(
                "invitationId",
                created(
                        api.send(
                                POST,
                                "/v1/orgs/" + org + "/invitations",
                                owner,
                                "{\"email\":\"fuzz-invitee-" + UUID.randomUUID()
                                        + "@example.com\",\"role\":\"viewer\"}"),
                        "id"));
        ids.put("patternId", created(api.send(POST, "/v1/patterns", admin, "{\"name\":\"fuzz_pattern\"}"), "id"));
        String project = created(
                api.send(
                        POST,
                        "/v1/orgs/" + org + "/projects",
                        owner,
                        "{\"name\":\"Clip\",\"prompt\":\"rain\",\"audioPath\":\"audio/rain.mp3\"}"),
                "id");
        ids.put("projectId", project);
        created(
                api.send(
                        POST,
                        "/v1/orgs/" + org + "/runs",
                        owner,
                        "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Fuzz me.\"}",
                        UUID.randomUUID().toString()),
                "id");
        created(
                api.send(
                        POST,
                        "/v1/orgs/" + org + "/projects/" + project + "/generations",
                        owner,
                        "{}",
                        UUID.randomUUID().toString()),
                "id");
        Map<String, Object> run = claim(api, "runs");
        Map<String, Object> generation = claim(api, "generations");
        ids.put("runId", (String) run.get("id"));
        ids.put("jobId", (String) run.get("id"));
        ids.put("generationId", (String) generation.get("id"));
        ids.put("kind", "runs");
        leases.put("runs", (String) run.get("leaseId"));
        leases.put("generations", (String) generation.get("leaseId"));
        ids.put("name", "read-runs");
        ids.put("sequenceId", "fuzz-sequence");
    }

    private static String created(org.springframework.http.ResponseEntity<Map<String, Object>> answer, String field) {
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s", answer).isTrue();
        return (String) answer.getBody().get(field);
    }

    private static Map<String, Object> claim(ApiClient api, String kind) {
        org.springframework.http.ResponseEntity<Map<String, Object>> claimed =
                api.send(POST, "/v1/worker/" + kind + "/claim", TenantDay.WORKER, "{\"workerId\":\"fuzzer\"}");
        assertThat(claimed.getStatusCode()).as("%s", claimed).isEqualTo(HttpStatus.OK);
        return claimed.getBody();
    }

    @Test
    void every_operation_refuses_bad_input_with_a_problem_and_stores_nothing() throws Exception {
        long started = System.nanoTime();
        JsonNode docs = json.readTree(
                http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        List<Probe> probes = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().equals(STRIPE_WEBHOOK)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                probes.addAll(probesOf(op.getKey().toUpperCase(), path.getKey(), op.getValue(), docs));
                operations++;
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(40);

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        awaitQuietStore();
        // refusals first, while nothing an accepted probe set off can still be appending events
        for (Probe probe : probes.stream().filter(Probe::mustRefuse).toList()) {
            long before = storedEvents.count();
            HttpResponse<String> answer = send(probe);
            byStatus.merge(answer.statusCode(), 1, Integer::sum);
            check(probe, answer, failures);
            if (storedEvents.count() != before) {
                failures.add(describe(probe, answer) + ": the event store changed");
            }
        }
        for (Probe probe : probes.stream().filter(p -> !p.mustRefuse()).toList()) {
            HttpResponse<String> answer = send(probe);
            byStatus.merge(answer.statusCode(), 1, Integer::sum);
            check(probe, answer, failures);
        }

        System.out.printf(
                "OpenAPI fuzz: %d operations, %d requests (%d must be refused), by status %s, in %d ms%n",
                operations,
                probes.size(),
                probes.stream().filter(Probe::mustRefuse).count(),
                byStatus,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertThat(failures).isEmpty();
    }

    private void check(Probe probe, HttpResponse<String> answer, List<String> failures) {
        int status = answer.statusCode();
        if (status >= 500
                && !(probe.path().contains("/billing/")
                        && !probe.mustRefuse()
                        && (PROBLEMS + "billing-not-configured").equals(problemType(answer)))) {
            failures.add(describe(probe, answer) + ": a server error");
            return;
        }
        if (status < 400) {
            if (probe.mustRefuse()) {
                failures.add(describe(probe, answer) + ": accepted, must be refused");
            }
            return;
        }
        String type = problemType(answer);
        if (type == null || !type.startsWith(PROBLEMS)) {
            failures.add(describe(probe, answer) + ": not a problem+json with a Runledger type");
        } else if (probe.expectedType() != null && !type.equals(PROBLEMS + probe.expectedType())) {
            failures.add(describe(probe, answer) + ": expected type " + probe.expectedType());
        }
        String requestId = answer.headers().firstValue("X-Request-Id").orElse("");
        if (!probe.mustRefuse() && storedEvents.countStoredBy(requestId) > 0) {
            failures.add(describe(probe, answer) + ": refused, yet stored events");
        }
    }

    private String problemType(HttpResponse<String> answer) {
        if (!answer.headers()
                .firstValue("Content-Type")
                .map(MediaType::parseMediaType)
                .filter(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype)
                .isPresent()) {
            return null;
        }
        try {
            JsonNode type = json.readTree(answer.body()).get("type");
            return type == null ? null : type.asText();
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String describe(Probe probe, HttpResponse<String> answer) {
        String body = probe.body() == null ? "" : " " + abbreviate(probe.body());
        return probe.operation() + " [" + probe.mutation() + "] " + probe.method() + " " + abbreviate(probe.path())
                + body + " -> " + answer.statusCode() + " " + abbreviate(answer.body());
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }

    // ---- generating the probes

    private List<Probe> probesOf(String method, String template, JsonNode op, JsonNode docs) {
        String operation = method + " " + template;
        List<Probe> probes = new ArrayList<>();
        JsonNode schema = bodySchema(op, docs);
        String body = schema == null ? null : validBody(template, schema);
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, JsonNode> query = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        for (JsonNode parameter : op.path("parameters")) {
            String name = parameter.get("name").asText();
            switch (parameter.get("in").asText()) {
                case "path" -> path.put(name, ids.get(name));
                case "query" -> query.put(name, parameter.path("schema"));
                case "header" -> headers.add(name);
                default -> {}
            }
        }
        String resolved = fill(template, path);
        for (String header : headers) {
            probes.add(new Probe(
                    operation,
                    "header " + header + " of 256 characters",
                    method,
                    resolved,
                    body,
                    Map.of(header, "k".repeat(256)),
                    true,
                    "invalid-parameter"));
        }
        for (JsonNode parameter : op.path("parameters")) {
            if (parameter.get("in").asText().equals("path")) {
                String name = parameter.get("name").asText();
                boolean uuid =
                        "uuid".equals(parameter.path("schema").path("format").asText());
                probes.add(withPath(operation, "NUL", method, template, path, name, "%00", body, "bad-request"));
                probes.add(withPath(
                        operation,
                        "40 KB",
                        method,
                        template,
                        path,
                        name,
                        HUGE_PARAMETER,
                        body,
                        "request-header-too-large"));
                if (uuid) {
                    probes.add(withPath(
                            operation, "not a UUID", method, template, path, name, "fuzz", body, "invalid-parameter"));
                    probes.add(withPath(
                            operation,
                            "random",
                            method,
                            template,
                            path,
                            name,
                            UUID.randomUUID().toString(),
                            body,
                            null));
                } else {
                    probes.add(withPath(
                            operation,
                            "unknown",
                            method,
                            template,
                            path,
                            name,
                            "fuzz-" + UUID.randomUUID(),
                            body,
                            null));
                }
            }
        }
        // every operation, parameters or none, reads its query string through the text rule
        probes.add(new Probe(
                operation,
                "unknown query parameter with NUL",
                method,
                resolved + "?fuzz=a%00b",
                body,
                Map.of(),
                true,
                "invalid-text"));
        for (Map.Entry<String, JsonNode> parameter : query.entrySet()) {
            String name = parameter.getKey();
            String type = parameter.getValue().path("type").asText();
            boolean typed = !type.equals("string") || parameter.getValue().has("format");
            probes.add(new Probe(
                    operation,
                    "query " + name + " NUL",
                    method,
                    resolved + "?" + name + "=a%00b",
                    body,
                    Map.of(),
                    true,
                    "invalid-text"));
            probes.add(new Probe(
                    operation,
                    "query " + name + " 40 KB",
                    method,
                    resolved + "?" + name + "=" + HUGE_PARAMETER,
                    body,
                    Map.of(),
                    true,
                    "request-header-too-large"));
            probes.add(new Probe(
                    operation,
                    "query " + name + " wrong type",
                    method,
                    resolved + "?" + name + "=fuzz",
                    body,
                    Map.of(),
                    typed,
                    typed ? "invalid-parameter" : null));
            probes.add(new Probe(
                    operation,
                    "query " + name + " control characters",
                    method,
                    resolved + "?" + name + "=a%01%1F%7Fb",
                    body,
                    Map.of(),
                    false,
                    null));
        }
        if (schema != null) {
            probes.addAll(bodyProbes(operation, method, resolved, template, schema));
        }
        return probes;
    }

    private Probe withPath(
            String operation,
            String mutation,
            String method,
            String template,
            Map<String, String> path,
            String name,
            String value,
            String body,
            String expectedType) {
        Map<String, String> mutated = new LinkedHashMap<>(path);
        mutated.put(name, value);
        return new Probe(
                operation,
                "path " + name + " " + mutation,
                method,
                fill(template, mutated),
                body,
                Map.of(),
                true,
                expectedType);
    }

    private static JsonNode bodySchema(JsonNode op, JsonNode docs) {
        JsonNode schema =
                op.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty()
                ? schema
                : docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private List<Probe> bodyProbes(String operation, String method, String path, String template, JsonNode schema) {
        ObjectNode valid = (ObjectNode) readJson(validBody(template, schema));
        List<Probe> probes = new ArrayList<>();
        String base = valid.toString();
        probes.add(new Probe(
                operation,
                "unknown field",
                method,
                path,
                base.substring(0, base.length() - 1) + (valid.isEmpty() ? "" : ",") + "\"fuzzUnknownField\":1}",
                Map.of(),
                true,
                "unknown-field"));
        probes.add(new Probe(
                operation,
                "an array, not an object",
                method,
                path,
                "[" + base + "]",
                Map.of(),
                true,
                "malformed-request"));
        probes.add(new Probe(
                operation, "a text, not an object", method, path, "\"fuzz\"", Map.of(), true, "malformed-request"));
        probes.add(new Probe(
                operation,
                "not JSON",
                method,
                path,
                base.substring(0, base.length() - 1),
                Map.of(),
                true,
                "malformed-request"));
        probes.add(new Probe(operation, "10,000 arrays deep", method, path, DEEP, Map.of(), true, "malformed-request"));
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            String type = property.getValue().path("type").asText();
            String wrongType =
                    switch (type) {
                        case "string" -> "42";
                        case "integer", "number" -> "\"1\"";
                        case "boolean" -> "\"true\"";
                        default -> "\"fuzz\"";
                    };
            probes.add(withProperty(
                    operation, "wrong type", method, path, valid, name, wrongType, true, "malformed-request"));
            if (type.equals("integer")) {
                probes.add(withProperty(
                        operation, "a fraction", method, path, valid, name, "1.5", true, "malformed-request"));
            }
            probes.add(withProperty(operation, "null", method, path, valid, name, "null", false, null));
            // inside a free-form map, where any value is welcome, only the parser's depth limit refuses it
            probes.add(withProperty(
                    operation,
                    "10,000 arrays deep",
                    method,
                    path,
                    valid,
                    name,
                    type.equals("object") ? text(type, DEEP) : DEEP,
                    true,
                    "malformed-request"));
            if (type.equals("string") || type.equals("array") || type.equals("object")) {
                probes.add(withProperty(
                        operation,
                        "NUL",
                        method,
                        path,
                        valid,
                        name,
                        text(type, "\"fu\\u0000zz\""),
                        true,
                        "invalid-text"));
                probes.add(withProperty(
                        operation,
                        "unpaired surrogate",
                        method,
                        path,
                        valid,
                        name,
                        text(type, "\"fu\\ud800zz\""),
                        true,
                        "invalid-text"));
                probes.add(withProperty(
                        operation,
                        "raw control character",
                        method,
                        path,
                        valid,
                        name,
                        text(type, "\"fu\u0001zz\""),
                        true,
                        "malformed-request"));
                probes.add(withProperty(
                        operation,
                        "escaped control characters",
                        method,
                        path,
                        valid,
                        name,
                        text(type, "\"fu\\u0001\\u001f\\u007fzz\""),
                        false,
                        null));
                probes.add(withProperty(
                        operation,
                        "100 KB",
                        method,
                        path,
                        valid,
                        name,
                        text(type, "\"" + HUGE_TEXT + "\""),
                        false,
                        null));
            }
        }
        return probes;
    }

    /** A JSON text where the property's type holds text: itself, an array's item, a free-form map's value. */
    private static String text(String type, String jsonText) {
        return switch (type) {
            case "array" -> "[" + jsonText + "]";
            case "object" -> "{\"fuzz\":{\"nested\":[" + jsonText + "]}}";
            default -> jsonText;
        };
    }

    private Probe withProperty(
            String operation,
            String mutation,
            String method,
            String path,
            ObjectNode valid,
            String name,
            String jsonValue,
            boolean mustRefuse,
            String expectedType) {
        ObjectNode others = valid.deepCopy();
        others.remove(name);
        String rest = others.toString();
        String body = "{\"" + name + "\":" + jsonValue + (others.isEmpty() ? "}" : "," + rest.substring(1));
        return new Probe(operation, name + " " + mutation, method, path, body, Map.of(), mustRefuse, expectedType);
    }

    /** A body each of whose documented properties holds a plausible value of its type. */
    private String validBody(String template, JsonNode schema) {
        ObjectNode body = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode type = property.getValue();
            String name = property.getKey();
            if (name.equals("leaseId")) {
                body.put(name, leases.get(template.contains("/generations/") ? "generations" : "runs"));
            } else if (type.has("enum")) {
                body.put(name, type.get("enum").get(0).asText().toLowerCase());
            } else if ("uuid".equals(type.path("format").asText())) {
                body.put(name, UUID.randomUUID().toString());
            } else {
                switch (type.path("type").asText()) {
                    case "integer" -> body.put(name, 1);
                    case "number" -> body.put(name, 1.5);
                    case "boolean" -> body.put(name, true);
                    case "array" -> body.putArray(name).add("fuzz");
                    case "object" -> body.putObject(name).put("fuzz", 1);
                    default -> body.put(name, "fuzz");
                }
            }
        }
        return body.toString();
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher variable = PATH_VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(values.get(variable.group(1))));
        }
        return variable.appendTail(path).toString();
    }

    // ---- sending

    private HttpResponse<String> send(Probe probe) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(probe.path()))
                .timeout(Duration.ofSeconds(10))
                .header("X-Request-Id", "fuzz-" + requestIds.incrementAndGet())
                .method(
                        probe.method(),
                        probe.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(probe.body()));
        String token = tokenFor(probe.path());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (probe.body() != null) {
            request.header("Content-Type", "application/json");
        }
        probe.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(probe.operation() + " [" + probe.mutation() + "]: no answer", e);
        }
    }

    private String tokenFor(String path) {
        if (path.startsWith("/v1/worker/")) {
            return TenantDay.WORKER;
        }
        if (path.startsWith("/v1/admin/") || path.startsWith("/v1/patterns")) {
            return admin;
        }
        return path.startsWith("/dev/") ? null : owner;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // ---- the event store

    /** What the tenant's setup set off (a trial started by a policy, read models) has finished appending. */
    private void awaitQuietStore() {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    long now = storedEvents.count();
                    return last.getAndSet(now) == now;
                });
    }
}
