package io.runledger.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.runledger.command.billing.StripeMeterReporter;
import io.runledger.domain.run.UsageMeter;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * A local stand-in for Stripe's HTTP API (stripe-java is pointed at it through {@code STRIPE_API_BASE}): it
 * records every request as Stripe would receive it and answers the few endpoints Runledger calls, with
 * failures on demand. Its account has a meter for every {@link UsageMeter}, as the README asks of a real one.
 * A test class turns it on with {@link InUse} and autowires it.
 */
public final class FakeStripe implements AutoCloseable {

    /**
     * Stripe on, with a fake of its own, for every application context of a test class annotated {@link InUse};
     * the fake is a bean, so the test autowires it, and it stops with its context. Properties, not a bean's
     * registrar, because which Stripe beans exist is decided by conditions on them.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface InUse {}

    /** Listed in {@code META-INF/spring.factories} of the tests. */
    public static class InUseCustomizerFactory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configuration) {
            return TestContextAnnotationUtils.hasAnnotation(testClass, InUse.class) ? new InUseCustomizer() : null;
        }
    }

    /** A record: all equal, so test classes with the same other configuration share a context. */
    private record InUseCustomizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            FakeStripe stripe = new FakeStripe();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "fake-stripe",
                            Map.of(
                                    "runledger.stripe.api-key",
                                    "sk_test_fake",
                                    "runledger.stripe.api-base",
                                    "http://localhost:"
                                            + stripe.server.getAddress().getPort())));
            context.getBeanFactory().registerSingleton("fakeStripe", stripe);
            context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
                @Override
                public void onApplicationEvent(ContextClosedEvent closed) {
                    stripe.close();
                }
            });
        }
    }

    public record Request(String method, String path, String idempotencyKey, Map<String, String> form) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresToGo = new ConcurrentHashMap<>();
    private final Set<String> refusedCustomers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();

    private FakeStripe() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** The next {@code times} calls to {@code path} answer 500, as Stripe does when it is in trouble. */
    public void failNext(String path, int times) {
        failuresToGo.put(path, new AtomicInteger(times));
    }

    /** Meter events for this customer are refused for good (400), as for a deleted customer. */
    public void refuseMeterEventsFor(String customer) {
        refusedCustomers.add(customer);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> form =
                FormEncoded.fields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(new Request(
                exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Idempotency-Key"), form));
        AtomicInteger failures = failuresToGo.get(path);
        if (failures != null && failures.getAndDecrement() > 0) {
            respond(
                    exchange,
                    500,
                    "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong on Stripe's end\"}}");
            return;
        }
        int id = ids.incrementAndGet();
        if (path.startsWith("/v1/billing/meters/") && path.endsWith("/event_summaries")) {
            respond(
                    exchange,
                    200,
                    summaries(
                            path.split("/")[4].substring("mtr_".length()),
                            FormEncoded.fields(exchange.getRequestURI().getRawQuery())
                                    .get("customer")));
            return;
        }
        switch (path) {
            case "/v1/customers" ->
                respond(
                        exchange,
                        200,
                        "{\"id\":\"cus_fake" + id + "\",\"object\":\"customer\",\"name\":\"" + form.get("name")
                                + "\"}");
            case "/v1/checkout/sessions" ->
                respond(
                        exchange,
                        200,
                        "{\"id\":\"cs_fake" + id
                                + "\",\"object\":\"checkout.session\",\"url\":\"https://checkout.stripe.test/cs_fake"
                                + id + "\"}");
            case "/v1/billing_portal/sessions" ->
                respond(
                        exchange,
                        200,
                        "{\"id\":\"bps_fake" + id
                                + "\",\"object\":\"billing_portal.session\",\"url\":\"https://billing.stripe.test/p/"
                                + id + "\"}");
            case "/v1/billing/meter_events" -> {
                if (refusedCustomers.contains(form.get("payload[stripe_customer_id]"))) {
                    respond(
                            exchange,
                            400,
                            "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such customer\"}}");
                } else {
                    respond(
                            exchange,
                            200,
                            "{\"object\":\"billing.meter_event\",\"event_name\":\"" + form.get("event_name")
                                    + "\",\"identifier\":\"" + form.get("identifier") + "\",\"livemode\":false}");
                }
            }
            case "/v1/billing/meters" ->
                respond(
                        exchange,
                        200,
                        "{\"object\":\"list\",\"has_more\":false,\"url\":\"/v1/billing/meters\",\"data\":["
                                + String.join(
                                        ",",
                                        Arrays.stream(UsageMeter.values())
                                                .map(meter -> StripeMeterReporter.eventName(meter.code()))
                                                .map(name -> "{\"id\":\"mtr_" + name
                                                        + "\",\"object\":\"billing.meter\",\"event_name\":\"" + name
                                                        + "\"}")
                                                .toList())
                                + "]}");
            default ->
                respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unknown path\"}}");
        }
    }

    /** One summary: the sum of the meter events this fake took for the meter and customer. */
    private String summaries(String eventName, String customer) {
        java.math.BigDecimal total = requests("/v1/billing/meter_events").stream()
                .filter(request -> eventName.equals(request.form().get("event_name"))
                        && customer.equals(request.form().get("payload[stripe_customer_id]"))
                        && !refusedCustomers.contains(customer))
                .map(request -> new java.math.BigDecimal(request.form().get("payload[value]")))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        return "{\"object\":\"list\",\"has_more\":false,\"url\":\"/v1/billing/meters/mtr_" + eventName
                + "/event_summaries\",\"data\":[{\"id\":\"sum_1\",\"object\":\"billing.meter_event_summary\",\"aggregated_value\":"
                + total.toPlainString() + ",\"meter\":\"mtr_" + eventName + "\"}]}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
