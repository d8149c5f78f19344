package io.runledger.infra.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Holds every API call the full-stack tests make through {@code TestRestTemplate} to the service's own
 * {@code /v3/api-docs}: an answer whose status, headers or body the document does not declare fails the test, and
 * so does a request the service accepted (2xx) though the document says it is invalid. A request the service
 * refused is the test's point, not drift: only its answer is checked. Paths and methods the document lacks
 * (the framework's 404 and 405, which FrameworkErrorsApiTest covers) are no operations to check.
 */
public final class ApiContractCheck implements ClientHttpRequestInterceptor {

    /** The document by the service's address: each application context of the suite serves its own. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient DOCS = HttpClient.newHttpClient();

    private static final RecordedAnswers ANSWERS = new RecordedAnswers(Path.of("target", "api-answers.jsonl"));

    private final Environment environment;

    private ApiContractCheck(Environment environment) {
        this.environment = environment;
    }

    /** Registers the check on the application context's {@code RestTemplateBuilder}, which TestRestTemplate uses. */
    public static final class Registration implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ApiContractCheck check = new ApiContractCheck(context.getEnvironment());
            ((GenericApplicationContext) context).registerBean("apiContractCheck", RestTemplateCustomizer.class,
                    () -> restTemplate -> restTemplate.getInterceptors().add(check));
        }
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        URI uri = request.getURI();
        String path = uri.getRawPath();
        boolean ours = String.valueOf(uri.getPort()).equals(environment.getProperty("local.server.port"))
                && (path.startsWith("/v1/") || path.startsWith("/dev/"));
        MediaType answerType = response.getHeaders().getContentType();
        if (!ours || MediaType.TEXT_EVENT_STREAM.isCompatibleWith(answerType)) {
            return response;
        }
        byte[] answer = response.getBody().readAllBytes();
        check(request, body, response.getStatusCode(), response.getHeaders(), answer);
        return new Buffered(response, answer);
    }

    private void check(HttpRequest request, byte[] body, HttpStatusCode status, HttpHeaders headers, byte[] answer) {
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(
                request.getURI().getScheme() + "://" + request.getURI().getRawAuthority(), ApiContractCheck::load);
        Request sent = sent(request, body);
        SimpleResponse.Builder received = SimpleResponse.Builder.status(status.value());
        headers.forEach((name, values) -> received.withHeader(name, values));
        if (answer.length > 0) {
            received.withBody(new String(answer, StandardCharsets.UTF_8));
        }
        ValidationReport report = validator.validateResponse(sent.getPath(), sent.getMethod(), received.build());
        if (status.is2xxSuccessful()) {
            report = report.merge(validator.validateRequest(sent));
        }
        if (!report.hasErrors() && status.is2xxSuccessful() && answer.length > 0
                && MediaType.APPLICATION_JSON.isCompatibleWith(headers.getContentType())) {
            ANSWERS.record(request.getMethod().name(), request.getURI().getRawPath(), status.value(), answer);
        }
        if (report.hasErrors()) {
            throw new AssertionError("%s %s answered %d, which /v3/api-docs does not describe:%n%s%nanswer: %s".formatted(
                    request.getMethod(), request.getURI(), status.value(),
                    report.getMessages().stream().map(message -> "  " + message.getKey() + ": " + message.getMessage())
                            .collect(Collectors.joining(System.lineSeparator())),
                    abbreviated(new String(answer, StandardCharsets.UTF_8))));
        }
    }

    private static String abbreviated(String answer) {
        return answer.length() > 1000 ? answer.substring(0, 1000) + "…" : answer;
    }

    private static Request sent(HttpRequest request, byte[] body) {
        URI uri = request.getURI();
        SimpleRequest.Builder sent = new SimpleRequest.Builder(request.getMethod().name(), uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                sent.withQueryParam(decode(nameAndValue[0]), nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
            }
        }
        request.getHeaders().forEach((name, values) -> sent.withHeader(name, values));
        if (body.length > 0) {
            sent.withBody(new String(body, StandardCharsets.UTF_8));
        }
        return sent.build();
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static OpenApiInteractionValidator load(String service) {
        try {
            String docs = DOCS.send(java.net.http.HttpRequest.newBuilder(URI.create(service + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return OpenApiInteractionValidator.createForInlineApiSpecification(docs)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                            // RestTemplate's own Accept (every converter's types), not the test's choice
                            .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException | InterruptedException unreadable) {
            throw new IllegalStateException("No OpenAPI document at " + service, unreadable);
        }
    }

    /** The answer again, for the test, after the check read it. */
    private record Buffered(ClientHttpResponse response, byte[] answer) implements ClientHttpResponse {
        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(answer);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
