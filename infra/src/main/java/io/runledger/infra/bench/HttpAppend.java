package io.runledger.infra.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.subscription.ActivateSubscription;
import io.runledger.domain.subscription.Plan;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Run lifecycles as users and workers send them over HTTP: a developer queues a run, a worker claims the
 * next one and reports an output, its token usage and success; every request one command. A tenant per
 * client, on the team plan. Needs the local token issuer ({@code /dev/tokens}).
 */
final class HttpAppend {

    private static final String INPUT = "word ".repeat(200);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String workerSecret;
    private final CommandGateway commands;
    private final String person;
    private final List<UUID> orgs = new CopyOnWriteArrayList<>();

    HttpAppend(int port, String workerSecret, CommandGateway commands) {
        this.base = "http://localhost:" + port;
        this.workerSecret = workerSecret;
        this.commands = commands;
        this.person = post("/dev/tokens", null, "{\"email\":\"bench-http@bench.test\",\"name\":\"Bench\"}", null)
                .path("accessToken")
                .asText();
    }

    /** A new org on the team plan (the free plan's 50 runs a day would refuse most of a phase) and its client. */
    AppendLoad.Client newTenant(int index) {
        String org = post("/v1/orgs", person, "{\"name\":\"HTTP bench " + index + "\"}", null)
                .path("id")
                .asText();
        orgs.add(UUID.fromString(org));
        CallerContext.callAs(
                Caller.system(),
                () -> commands.sendAndWait(new ActivateSubscription(
                        UUID.fromString(org), Plan.TEAM, Instant.now().plus(30, ChronoUnit.DAYS))));
        return timing -> {
            timing.command(() -> post(
                    "/v1/orgs/" + org + "/runs",
                    person,
                    "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"" + INPUT + "\"}",
                    UUID.randomUUID().toString()));
            JsonNode claim =
                    timing.command(() -> post("/v1/worker/runs/claim", workerSecret, "{\"workerId\":\"bench\"}", null));
            if (claim == null) {
                timing.notACommand(); // another client took the run first
                return;
            }
            String run = "/v1/worker/runs/" + claim.path("id").asText() + "/";
            String lease = "{\"leaseId\":\"" + claim.path("leaseId").asText() + "\"";
            timing.command(() -> post(
                    run + "outputs", workerSecret, lease + ",\"content\":\"output\",\"summary\":\"summary\"}", null));
            timing.command(() -> post(
                    run + "usage",
                    workerSecret,
                    lease + ",\"usageId\":\"" + UUID.randomUUID() + "\",\"meter\":\"tokens.used\",\"quantity\":1200}",
                    null));
            timing.command(() -> post(run + "complete", workerSecret, lease + "}", null));
        };
    }

    List<AppendLoad.Client> newTenants(int count) {
        return IntStream.range(0, count).mapToObj(this::newTenant).toList();
    }

    /** The tenants made so far, each with the runs its client sent. */
    List<UUID> orgs() {
        return List.copyOf(orgs);
    }

    /** A read of the query API as the tenants' developer. */
    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path, person, null);
    }

    private JsonNode post(String path, String bearer, String body, String idempotencyKey) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                path,
                bearer,
                idempotencyKey);
    }

    /** The answer's JSON; null for 204 No Content; an error for anything but 2xx. */
    private JsonNode send(HttpRequest.Builder request, String path, String bearer, String idempotencyKey) {
        request.timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 204) {
                return null;
            }
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return json.readTree(answer.body());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + path, interrupted);
        }
    }
}
