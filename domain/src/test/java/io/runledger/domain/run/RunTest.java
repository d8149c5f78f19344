package io.runledger.domain.run;

import static io.runledger.domain.shared.TestTenant.ORG;
import static io.runledger.domain.shared.TestTenant.USER;
import static io.runledger.domain.shared.Verdicts.Refusal.invalid;
import static io.runledger.domain.shared.Verdicts.then;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.shared.Verdicts;
import io.runledger.domain.shared.Verdicts.Case;
import io.runledger.domain.shared.Verdicts.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RunTest {
    private static final UUID PATTERN = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final UUID OUTPUT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID OTHER_OUTPUT = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    private static final UUID USAGE = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID OTHER_USAGE = UUID.fromString("00000000-0000-0000-0000-0000000000e2");

    private static final String EXACTLY_ONE_CONTENT = "Exactly one of content and contentUrl must be given";
    private static final String TOKENS_PER_REPORT =
            "tokens must be a whole number from 1 to " + RecordTokenUsage.MAX_TOKENS + " per report";

    private final FixtureConfiguration<Run> fixture = new AggregateTestFixture<>(Run.class);
    private final Verdicts<Run> verdict = new Verdicts<>(fixture);

    private static RunQueued queued() {
        return new RunQueued(
                ORG, RUN, USER, PATTERN, "summarize", InputSource.YOUTUBE, 1200, "map-reduce", "req-1", "idem-1");
    }

    private static RunStarted started(String worker, int attempt) {
        return new RunStarted(ORG, RUN, worker, attempt);
    }

    private static OutputProduced output(UUID outputId) {
        return new OutputProduced(ORG, RUN, outputId, "A summary of the talk", null, "short", List.of("ai"), Map.of());
    }

    private static UsageRecorded tokensUsed(long tokens, UUID usageId) {
        return UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.TOKENS_USED, BigDecimal.valueOf(tokens), usageId);
    }

    /** Queued and taken by worker-1, its first attempt. */
    private static List<Object> processing() {
        return List.of(queued(), started("worker-1", 1));
    }

    /** Processing, with one worker report recorded. */
    private static List<Object> reported(UsageRecorded usage) {
        return then(processing(), usage);
    }

    /** Processed by worker-1 into one output and succeeded. */
    private static List<Object> succeeded() {
        return then(processing(), output(OUTPUT), new RunSucceeded(ORG, RUN, 1));
    }

    private static RunFailed failedWhileQueued() {
        return new RunFailed(ORG, RUN, "pattern removed", RunStatus.QUEUED);
    }

    private static QueueRun queue(InputSource inputSource, Integer inputChars) {
        return new QueueRun(ORG, RUN, USER, PATTERN, "summarize", inputSource, inputChars, null, "req-1", null);
    }

    private static Refusal illegal(List<Object> history, Object command, String refusal) {
        return Refusal.illegal("Run", RUN, history, command, refusal);
    }

    private static ProduceOutput produce(UUID outputId, String content, String contentUrl) {
        return new ProduceOutput(
                RUN,
                outputId,
                content,
                contentUrl,
                "short",
                List.of("ai", "talk"),
                Map.of("model", "gpt", "tokens", 812));
    }

    // QueueRun

    @Test
    void queuing_a_run_records_it_and_bills_its_creation() {
        fixture.givenNoPriorActivity()
                .when(new QueueRun(
                        ORG,
                        RUN,
                        USER,
                        PATTERN,
                        "summarize",
                        InputSource.YOUTUBE,
                        1200,
                        "map-reduce",
                        "req-1",
                        "idem-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        queued(), UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.RUN_CREATED, BigDecimal.ONE, null));
    }

    @Test
    void a_run_may_be_queued_without_its_optional_values() {
        fixture.givenNoPriorActivity()
                .when(new QueueRun(ORG, RUN, USER, PATTERN, "summarize", InputSource.TEXT, null, null, "req-1", null))
                .expectEvents(
                        new RunQueued(
                                ORG, RUN, USER, PATTERN, "summarize", InputSource.TEXT, null, null, "req-1", null),
                        UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.RUN_CREATED, BigDecimal.ONE, null));
    }

    // StartRun

    @Test
    void a_queued_run_starts_as_its_first_attempt() {
        fixture.given(queued()).when(new StartRun(RUN, "worker-1")).expectEvents(started("worker-1", 1));
    }

    @Test
    void a_requeued_run_starts_again_as_its_next_attempt() {
        fixture.given(queued(), started("worker-1", 1), new RunRequeued(ORG, RUN, "lease expired", 1))
                .when(new StartRun(RUN, "worker-1"))
                .expectEvents(started("worker-1", 2));
    }

    // ProduceOutput

    @Test
    void a_processing_run_produces_inline_output() {
        fixture.given(processing())
                .when(produce(OUTPUT, "A summary of the talk", null))
                .expectEvents(new OutputProduced(
                        ORG,
                        RUN,
                        OUTPUT,
                        "A summary of the talk",
                        null,
                        "short",
                        List.of("ai", "talk"),
                        Map.of("model", "gpt", "tokens", 812)));
    }

    @Test
    void a_processing_run_produces_output_kept_in_object_storage() {
        fixture.given(processing())
                .when(produce(OUTPUT, null, "s3://outputs/42/1.md"))
                .expectEvents(new OutputProduced(
                        ORG,
                        RUN,
                        OUTPUT,
                        null,
                        "s3://outputs/42/1.md",
                        "short",
                        List.of("ai", "talk"),
                        Map.of("model", "gpt", "tokens", 812)));
    }

    // RecordTokenUsage

    @TestFactory
    Stream<DynamicTest> token_usage_is_billed_to_the_user_who_queued_the_run_once_per_usage_id() {
        return verdict.acceptEach(
                Case.of(processing(), new RecordTokenUsage(RUN, USAGE, 1530), tokensUsed(1530, USAGE)),
                // the documented maximum fits one report
                Case.of(
                        processing(),
                        new RecordTokenUsage(RUN, USAGE, RecordTokenUsage.MAX_TOKENS),
                        tokensUsed(RecordTokenUsage.MAX_TOKENS, USAGE)),
                // a retried report is recognised by its id, even after the run succeeded
                Case.of(reported(tokensUsed(1530, USAGE)), new RecordTokenUsage(RUN, USAGE, 1530)),
                Case.of(
                        then(
                                reported(tokensUsed(1530, USAGE)),
                                output(OUTPUT),
                                new RunSucceeded(ORG, RUN, 1),
                                UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.RUN_COMPLETED, BigDecimal.ONE, null)),
                        new RecordTokenUsage(RUN, USAGE, 1530)),
                // another usage id is another report, and usage without an id a new fact each time
                Case.of(
                        reported(tokensUsed(1530, USAGE)),
                        new RecordTokenUsage(RUN, OTHER_USAGE, 1530),
                        tokensUsed(1530, OTHER_USAGE)),
                Case.of(
                        reported(tokensUsed(1530, null)),
                        new RecordTokenUsage(RUN, null, 1530),
                        tokensUsed(1530, null)));
    }

    // SucceedRun

    @Test
    void a_processing_run_with_outputs_succeeds_and_bills_its_completion() {
        fixture.given(queued(), started("worker-1", 1), output(OUTPUT), output(OTHER_OUTPUT))
                .when(new SucceedRun(RUN))
                .expectEvents(
                        new RunSucceeded(ORG, RUN, 2),
                        UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.RUN_COMPLETED, BigDecimal.ONE, null));
    }

    // FailRun and RequeueRun

    @TestFactory
    Stream<DynamicTest> a_run_fails_or_goes_back_to_the_queue() {
        return verdict.acceptEach(
                Case.of(List.of(queued()), new FailRun(RUN, "pattern removed"), failedWhileQueued()),
                Case.of(
                        processing(),
                        new FailRun(RUN, "model timeout"),
                        new RunFailed(ORG, RUN, "model timeout", RunStatus.PROCESSING)),
                Case.of(
                        processing(),
                        new RequeueRun(RUN, "lease expired"),
                        new RunRequeued(ORG, RUN, "lease expired", 1)));
    }

    // what every command refuses, and what it finds already done

    @TestFactory
    Stream<DynamicTest> a_command_with_invalid_values_is_refused() {
        return verdict.refuseEach(
                invalid(List.of(), queue(null, 10), "inputSource is required"),
                invalid(List.of(), queue(InputSource.UPLOAD, -1), "inputChars must not be negative"),
                invalid(List.of(queued()), new StartRun(RUN, " "), "workerId is required"),
                invalid(processing(), produce(OUTPUT, "text", "s3://outputs/42/1.md"), EXACTLY_ONE_CONTENT),
                invalid(processing(), produce(OUTPUT, "", null), EXACTLY_ONE_CONTENT),
                invalid(processing(), new RecordTokenUsage(RUN, USAGE, 0), TOKENS_PER_REPORT),
                invalid(
                        processing(),
                        new RecordTokenUsage(RUN, USAGE, RecordTokenUsage.MAX_TOKENS + 1),
                        TOKENS_PER_REPORT),
                invalid(processing(), new FailRun(RUN, "  "), "error is required"),
                invalid(processing(), new RequeueRun(RUN, null), "reason is required"));
    }

    @TestFactory
    Stream<DynamicTest> a_command_the_runs_state_does_not_allow_is_refused() {
        return verdict.refuseEach(
                illegal(processing(), new StartRun(RUN, "worker-2"), "PROCESSING; cannot start it"),
                illegal(
                        List.of(queued(), failedWhileQueued()),
                        new StartRun(RUN, "worker-1"),
                        "FAILED; cannot start it"),
                illegal(succeeded(), new StartRun(RUN, "worker-1"), "SUCCEEDED; cannot start it"),
                illegal(List.of(queued()), produce(OUTPUT, "text", null), "QUEUED; cannot add an output to it"),
                illegal(
                        List.of(queued()),
                        new RecordTokenUsage(RUN, USAGE, 10),
                        "QUEUED; cannot record token usage for it"),
                illegal(List.of(queued()), new SucceedRun(RUN), "QUEUED; cannot succeed it"),
                illegal(
                        then(processing(), output(OUTPUT), new RunFailed(ORG, RUN, "timeout", RunStatus.PROCESSING)),
                        new SucceedRun(RUN),
                        "FAILED; cannot succeed it"),
                illegal(succeeded(), new FailRun(RUN, "late error"), "SUCCEEDED; cannot fail it"),
                illegal(List.of(queued()), new RequeueRun(RUN, "lease expired"), "QUEUED; cannot requeue it"),
                illegal(succeeded(), new RequeueRun(RUN, "lease expired"), "SUCCEEDED; cannot requeue it"),
                new Refusal(
                        processing(),
                        new SucceedRun(RUN),
                        RunHasNoOutput.class,
                        "Run " + RUN + " has no output; it cannot succeed"),
                new Refusal(
                        reported(tokensUsed(1530, USAGE)),
                        new RecordTokenUsage(RUN, USAGE, 99),
                        UsageIdReused.class,
                        "Run " + RUN + " already recorded usage " + USAGE
                                + " with another quantity; a new report needs a new usageId"));
    }

    @TestFactory
    Stream<DynamicTest> a_worker_retrying_what_is_done_changes_nothing() {
        return verdict.acceptEach(
                Case.of(processing(), new StartRun(RUN, "worker-1")),
                Case.of(then(processing(), output(OUTPUT)), produce(OUTPUT, "A summary of the talk", null)),
                Case.of(succeeded(), new SucceedRun(RUN)),
                Case.of(List.of(queued(), failedWhileQueued()), new FailRun(RUN, "pattern removed")));
    }
}
