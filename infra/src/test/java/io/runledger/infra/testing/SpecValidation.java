package io.runledger.infra.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestTemplate;

/**
 * Holds the service to its own {@code /v3/api-docs}: every request a test sends through a {@link TestRestTemplate}
 * (and so through {@link ApiClient}) to the API, and every answer, is checked against the document the service under
 * test serves, and a mismatch fails the test. A request the document refuses must be refused (a 4xx): a test may send
 * bad input on purpose, but the service may not take what its contract says it does not.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SpecValidation implements ClientHttpRequestInterceptor {

    private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();
    /** Real answers, by the schema they answer with, for the generated client's check (.ci/openapi-client.sh). */
    static final Path ANSWERS = Path.of("target", "api-answers");

    private static final int ANSWERS_PER_SCHEMA = 3;
    private static final Map<String, AtomicInteger> ANSWERS_KEPT = new ConcurrentHashMap<>();
    /** A path not in the document, or a method it does not take there: what a 404 or 405 says anyway. */
    private static final List<String> UNKNOWN_OPERATION =
            List.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    /** Asked for its root when a request is sent: the port is known only once the server runs. */
    private final TestRestTemplate http;

    private SpecValidation(TestRestTemplate http) {
        this.http = http;
    }

    /** Every {@link TestRestTemplate} of a test's context validates what it sends and gets. */
    @Bean
    static BeanPostProcessor validatingTestRestTemplates() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TestRestTemplate http) {
                    hookInto(http);
                }
                return bean;
            }
        };
    }

    /** Idempotent: a client already checked is left as it is. */
    public static void hookInto(TestRestTemplate http) {
        RestTemplate rest = http.getRestTemplate();
        if (rest.getInterceptors().stream().noneMatch(SpecValidation.class::isInstance)) {
            rest.getInterceptors().add(new SpecValidation(http));
        }
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        String path = request.getURI().getRawPath();
        if (!path.startsWith("/v1/") && !path.startsWith("/dev/")) {
            return response;
        }
        MediaType contentType = response.getHeaders().getContentType();
        boolean stream = MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType);
        byte[] answer = stream ? new byte[0] : response.getBody().readAllBytes();
        check(request, body, response.getStatusCode(), response.getHeaders(), stream ? null : answer);
        return stream ? response : new Buffered(response, answer);
    }

    private void check(HttpRequest request, byte[] body, HttpStatusCode status, HttpHeaders headers, byte[] answer) {
        Contract contract = CONTRACTS.computeIfAbsent(http.getRootUri(), SpecValidation::load);
        OpenApiInteractionValidator validator = contract.validator();
        Request sent = sent(request, body);
        ValidationReport requestReport = validator.validateRequest(sent);
        String interaction = request.getMethod() + " " + request.getURI().getRawPath() + " -> " + status.value();
        if (requestReport.getMessages().stream().anyMatch(message -> UNKNOWN_OPERATION.contains(message.getKey()))) {
            if (status.value() != 404 && status.value() != 405) {
                throw new AssertionError(
                        interaction + ": an operation the API document does not have answered\n" + requestReport);
            }
            return;
        }
        if (status.is2xxSuccessful() && requestReport.hasErrors()) {
            throw new AssertionError(interaction + ": accepted a request the API document refuses\n" + requestReport);
        }
        SimpleResponse.Builder got = SimpleResponse.Builder.status(status.value());
        headers.forEach(got::withHeader);
        if (answer != null && answer.length > 0) {
            got.withBody(new String(answer, StandardCharsets.UTF_8));
        }
        ValidationReport responseReport =
                validator.validateResponse(request.getURI().getRawPath(), sent.getMethod(), got.build());
        if (answer == null) {
            // a stream's events are read by the test as they come, never here: its status and headers are checked
            responseReport = ValidationReport.from(responseReport.getMessages().stream()
                    .filter(message -> !message.getKey().equals("validation.response.body.missing"))
                    .toList());
        }
        if (responseReport.hasErrors()) {
            throw new AssertionError(interaction + ": an answer the API document does not describe\n" + responseReport
                    + "\nbody: " + (answer == null ? "(a stream)" : new String(answer, StandardCharsets.UTF_8)));
        }
        if (status.is2xxSuccessful()
                && answer != null
                && MediaType.APPLICATION_JSON.isCompatibleWith(headers.getContentType())) {
            keep(contract, request, sent.getMethod(), status.value(), answer);
        }
    }

    private static void keep(Contract contract, HttpRequest request, Request.Method method, int status, byte[] answer) {
        ApiOperationMatch match =
                contract.operations().findApiOperation(request.getURI().getRawPath(), method);
        ApiResponse declared =
                match.getApiOperation().getOperation().getResponses().get(String.valueOf(status));
        Schema<?> schema =
                declared.getContent().get(MediaType.APPLICATION_JSON_VALUE).getSchema();
        if (schema.get$ref() == null) {
            return;
        }
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        int kept =
                ANSWERS_KEPT.computeIfAbsent(name, any -> new AtomicInteger()).incrementAndGet();
        if (kept <= ANSWERS_PER_SCHEMA) {
            try {
                Files.write(Files.createDirectories(ANSWERS).resolve(name + "." + kept + ".json"), answer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Request sent(HttpRequest request, byte[] body) {
        URI uri = request.getURI();
        SimpleRequest.Builder sent =
                new SimpleRequest.Builder(request.getMethod().name(), uri.getRawPath());
        request.getHeaders().forEach(sent::withHeader);
        if (body.length > 0) {
            sent.withBody(body);
        }
        if (uri.getRawQuery() != null) {
            Map<String, List<String>> query = Arrays.stream(uri.getRawQuery().split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.groupingBy(
                            pair -> decode(pair[0]),
                            Collectors.mapping(pair -> pair.length > 1 ? decode(pair[1]) : "", Collectors.toList())));
            query.forEach(sent::withQueryParam);
        }
        return sent.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Contract load(String rootUri) {
        String docs = new RestTemplate().getForObject(rootUri + "/v3/api-docs", String.class);
        // which media types the test's client would accept is the client's business, not the contract's; a body sent
        // to an operation that takes none is not read
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                .build();
        return new Contract(
                OpenApiInteractionValidator.createForInlineApiSpecification(docs)
                        .withLevelResolver(levels)
                        .build(),
                new ApiOperationResolver(
                        new OpenAPIV3Parser().readContents(docs, null, null).getOpenAPI(), null, false));
    }

    /** The service's document: to check against, and to find which schema an answer is of. */
    private record Contract(OpenApiInteractionValidator validator, ApiOperationResolver operations) {}

    /** The answer, read once for the check and again by the test. */
    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public void close() {
            response.close();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }
    }
}
