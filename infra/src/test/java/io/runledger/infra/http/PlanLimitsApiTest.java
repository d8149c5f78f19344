package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.subscription.CancelSubscription;
import io.runledger.infra.testing.OrgOwnerApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** The free plan, shrunk so its limits are reached quickly: 10 runs a day, 100 characters of input. */
@RunledgerIntegrationTest
@TestPropertySource(properties = {"runledger.plans.free.max-runs-per-day=10", "runledger.plans.free.max-chars=100"})
class PlanLimitsApiTest extends OrgOwnerApiTest {

    private static final String SHORT_TEXT =
            "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Short enough.\"}";

    @Autowired
    CommandGateway commands;

    PlanLimitsApiTest() {
        super("limits", "Limited");
    }

    private Integer usedToday() {
        return jdbc
                .queryForList("select used from plan_usage where org_id = ?::uuid", Integer.class, owner.orgId())
                .stream()
                .findFirst()
                .orElse(0);
    }

    @Test
    void fifty_parallel_requests_against_an_allowance_of_ten_admit_exactly_ten() throws Exception {
        List<Callable<ResponseEntity<Map<String, Object>>>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(() -> owner.queueRun(null, SHORT_TEXT));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        for (Future<ResponseEntity<Map<String, Object>>> answer : pool.invokeAll(requests)) {
            answers.add(answer.get());
        }
        pool.shutdown();

        long accepted = answers.stream()
                .filter(a -> a.getStatusCode() == HttpStatus.ACCEPTED)
                .count();
        List<ResponseEntity<Map<String, Object>>> refused = answers.stream()
                .filter(a -> a.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS)
                .toList();
        System.out.printf(
                "50 parallel run requests, 10 allowed: %d accepted, %d refused with 429, %d RunQueued stored%n",
                accepted, refused.size(), owner.runsQueued(jdbc));
        assertThat(accepted).isEqualTo(10);
        assertThat(refused).hasSize(40);
        assertThat(owner.runsQueued(jdbc)).isEqualTo(10);
        assertThat(usedToday()).isEqualTo(10);
        assertThat(refused.get(0).getBody())
                .containsEntry("type", "https://runledger.io/problems/limit-reached")
                .containsEntry("limit", "max_runs_per_day")
                .containsEntry("allowed", 10)
                .containsEntry("current", 10)
                .containsEntry("resetsAt", LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00:00Z");
        assertThat(refused.get(0).getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isNotBlank();
    }

    @Test
    void an_input_over_max_chars_is_a_422_that_uses_no_allowance() {
        ResponseEntity<Map<String, Object>> refused = owner.queueRun(
                null, "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"" + "x".repeat(101) + "\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody())
                .containsEntry("type", "https://runledger.io/problems/input-too-long")
                .containsEntry("allowed", 100)
                .containsEntry("current", 101);
        assertThat(owner.runsQueued(jdbc)).isZero();
        assertThat(usedToday()).isZero();
    }

    @Test
    void a_run_refused_after_taking_its_allowance_gives_it_back() {
        owner.queueRun("once", SHORT_TEXT);
        jdbc.update("delete from idempotency_keys where idempotency_key = 'once'");

        assertThat(owner.queueRun("once", SHORT_TEXT).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(usedToday()).isEqualTo(1);
    }

    @Test
    void a_canceled_subscription_starts_no_new_runs() {
        CallerContext.callAs(
                Caller.system(), () -> commands.sendAndWait(new CancelSubscription(UUID.fromString(owner.orgId()))));

        ResponseEntity<Map<String, Object>> refused = owner.queueRun(null, SHORT_TEXT);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYMENT_REQUIRED);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/subscription-inactive");
        assertThat(owner.runsQueued(jdbc)).isZero();
    }
}
