package io.runledger.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's way to the service: the same HTTP API every client uses, over loopback, as the signed-in person
 * (their token in {@code Authorization}). So pages get exactly the API's authorization, validation, idempotency
 * and problem types, and nothing is decided twice.
 */
@Component
public class ConsoleApi implements ApplicationListener<WebServerInitializedEvent> {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How long a stream may last here: longer than the API keeps one open ({@code runledger.streams.max-duration}). */
    static final Duration STREAM_LIMIT = Duration.ofHours(1);

    private final ObjectMapper json;
    private final String host;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile URI base;

    ConsoleApi(ObjectMapper json, @Value("${server.address:}") String address) {
        this.json = json;
        this.host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
    }

    /** The application's own port, once it listens (the management server, if any, is another context). */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent started) {
        if (started.getApplicationContext().getParent() == null) {
            base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                    + started.getWebServer().getPort());
        }
    }

    public static String path(String template, Object... values) {
        return UriComponentsBuilder.fromUriString(template)
                .buildAndExpand(values)
                .encode()
                .toUriString();
    }

    /** {@code path} with the query parameters given as name, value, name, value…; a null or blank value is left out. */
    public static String query(String path, String... namesAndValues) {
        UriComponentsBuilder query = UriComponentsBuilder.fromUriString(path);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && !namesAndValues[i + 1].isBlank()) {
                query.queryParam(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return query.encode().toUriString();
    }

    public Map<String, Object> get(String token, String path) {
        return send(HttpMethod.GET, token, path, null, null);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items(String token, String path) {
        return (List<Map<String, Object>>) get(token, path).getOrDefault("items", List.of());
    }

    /** A command without a body or an idempotency key: removals, revocations, replays. */
    public Map<String, Object> send(HttpMethod method, String token, String path) {
        return send(method, token, path, null, null);
    }

    /** A command; {@code idempotencyKey} null for none. The answer's body, or an empty map for 204. */
    public Map<String, Object> send(HttpMethod method, String token, String path, Object body, String idempotencyKey) {
        HttpResponse<byte[]> answer =
                exchange(method, token, path, body, idempotencyKey, HttpResponse.BodyHandlers.ofByteArray());
        byte[] content = answer.body();
        Map<String, Object> document = content.length == 0 ? Map.of() : read(content);
        if (answer.statusCode() >= 400) {
            throw new ApiProblem(answer.statusCode(), document);
        }
        return document;
    }

    /** A download (CSV) passed on as it is. */
    public byte[] bytes(String token, String path) {
        HttpResponse<byte[]> answer =
                exchange(HttpMethod.GET, token, path, null, null, HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() >= 400) {
            throw new ApiProblem(answer.statusCode(), answer.body().length == 0 ? Map.of() : read(answer.body()));
        }
        return answer.body();
    }

    /**
     * Opens an event stream of the API. Once the API answers, the stream's bytes go to {@code relay} as they come,
     * on the HTTP client's own threads: no thread waits for a stream between its events.
     *
     * @return the API's status, once its headers are in; a refusal's body is dropped
     */
    public int stream(String token, String path, Flow.Subscriber<List<ByteBuffer>> relay) {
        HttpRequest request = request(HttpMethod.GET, token, path, null, null)
                .timeout(STREAM_LIMIT)
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<Integer> answered = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, head -> {
            answered.complete(head.statusCode());
            return head.statusCode() >= 400
                    ? HttpResponse.BodySubscribers.discarding()
                    : HttpResponse.BodySubscribers.fromSubscriber(relay);
        });
        exchange.whenComplete((ended, failed) -> {
            if (failed != null) {
                answered.completeExceptionally(failed);
            }
        });
        try {
            return answered.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException failed) {
            exchange.cancel(true); // a stream that answers after all must not stay open with no page to relay to
            throw new IllegalStateException("The service did not answer GET " + path, failed);
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + path, interrupted);
        }
    }

    private <T> HttpResponse<T> exchange(
            HttpMethod method,
            String token,
            String path,
            Object body,
            String idempotencyKey,
            HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(
                    request(method, token, path, body, idempotencyKey)
                            .timeout(TIMEOUT)
                            .build(),
                    handler);
        } catch (IOException failed) {
            throw new IllegalStateException("The service did not answer " + method + " " + path, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + path, interrupted);
        }
    }

    private HttpRequest.Builder request(
            HttpMethod method, String token, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method.name(),
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request;
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException unwritable) {
            throw new IllegalArgumentException("Cannot send " + body, unwritable);
        }
    }

    private Map<String, Object> read(byte[] content) {
        try {
            return json.readValue(content, OBJECT);
        } catch (IOException notJson) {
            return Map.of("detail", "The service answered something that is not JSON");
        }
    }
}
