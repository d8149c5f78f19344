package io.runledger.domain.run;

import static io.runledger.domain.shared.Verdicts.then;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.Verdicts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

class RunTest {
    private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID PATTERN = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final UUID OUTPUT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID OTHER_OUTPUT = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    private static final UUID USAGE = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID OTHER_USAGE = UUID.fromString("00000000-0000-0000-0000-0000000000e2");

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

    /** Processed by worker-1 into one output and succeeded. */
    private static List<Object> succeeded() {
        return then(processing(), output(OUTPUT), new RunSucceeded(ORG, RUN, 1));
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

    @Test
    void a_run_needs_an_input_source() {
        verdict.refused(
                List.of(),
                new QueueRun(ORG, RUN, USER, PATTERN, "summarize", null, 10, null, "req-1", null),
                InvalidCommand.class);
    }

    @Test
    void a_run_cannot_have_a_negative_input_size() {
        verdict.refused(
                        List.of(),
                        new QueueRun(ORG, RUN, USER, PATTERN, "summarize", InputSource.UPLOAD, -1, null, "req-1", null),
                        InvalidCommand.class)
                .expectExceptionMessage("inputChars must not be negative");
    }

    // StartRun

    @Test
    void a_queued_run_starts_as_its_first_attempt() {
        fixture.given(queued()).when(new StartRun(RUN, "worker-1")).expectEvents(started("worker-1", 1));
    }

    @Test
    void a_run_needs_a_worker_to_start() {
        verdict.refused(List.of(queued()), new StartRun(RUN, " "), InvalidCommand.class);
    }

    @Test
    void the_same_worker_starting_again_changes_nothing() {
        verdict.changesNothing(processing(), new StartRun(RUN, "worker-1"));
    }

    @Test
    void another_worker_cannot_start_a_run_already_being_processed() {
        verdict.refused(processing(), new StartRun(RUN, "worker-2"), IllegalTransition.class)
                .expectExceptionMessage("Run " + RUN + " is PROCESSING; cannot start it");
    }

    @Test
    void a_failed_run_cannot_be_started() {
        verdict.refused(
                        List.of(queued(), new RunFailed(ORG, RUN, "pattern removed", RunStatus.QUEUED)),
                        new StartRun(RUN, "worker-1"),
                        IllegalTransition.class)
                .expectExceptionMessage("Run " + RUN + " is FAILED; cannot start it");
    }

    @Test
    void a_succeeded_run_cannot_be_started() {
        verdict.refused(succeeded(), new StartRun(RUN, "worker-1"), IllegalTransition.class);
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

    @Test
    void an_output_cannot_have_both_content_and_a_content_url() {
        verdict.refused(processing(), produce(OUTPUT, "text", "s3://outputs/42/1.md"), InvalidCommand.class);
    }

    @Test
    void an_output_needs_content_or_a_content_url() {
        verdict.refused(processing(), produce(OUTPUT, "", null), InvalidCommand.class);
    }

    @Test
    void the_same_output_delivered_twice_is_recorded_once() {
        verdict.changesNothing(
                List.of(queued(), started("worker-1", 1), output(OUTPUT)),
                produce(OUTPUT, "A summary of the talk", null));
    }

    @Test
    void a_queued_run_cannot_produce_output() {
        verdict.refused(List.of(queued()), produce(OUTPUT, "text", null), IllegalTransition.class)
                .expectExceptionMessage("Run " + RUN + " is QUEUED; cannot add an output to it");
    }

    // RecordTokenUsage

    @Test
    void token_usage_is_billed_to_the_user_who_queued_the_run_under_the_workers_usage_id() {
        fixture.given(processing()).when(new RecordTokenUsage(RUN, USAGE, 1530)).expectEvents(tokensUsed(1530, USAGE));
    }

    /** A processing run that has recorded one worker report. */
    private TestExecutor<Run> reported(UsageRecorded usage) {
        return fixture.given(queued(), started("worker-1", 1), usage);
    }

    @Test
    void a_retried_usage_report_is_recognised_by_its_id_and_recorded_once() {
        reported(tokensUsed(1530, USAGE))
                .when(new RecordTokenUsage(RUN, USAGE, 1530))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_usage_report_retried_after_the_run_succeeded_is_still_recognised() {
        verdict.changesNothing(
                List.of(
                        queued(),
                        started("worker-1", 1),
                        output(OUTPUT),
                        tokensUsed(1530, USAGE),
                        new RunSucceeded(ORG, RUN, 1),
                        UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.RUN_COMPLETED, BigDecimal.ONE, null)),
                new RecordTokenUsage(RUN, USAGE, 1530));
    }

    @Test
    void a_usage_id_sent_again_with_another_quantity_is_refused() {
        reported(tokensUsed(1530, USAGE))
                .when(new RecordTokenUsage(RUN, USAGE, 99))
                .expectException(UsageIdReused.class)
                .expectExceptionMessage("Run " + RUN + " already recorded usage " + USAGE
                        + " with another quantity; a new report needs a new usageId")
                .expectNoEvents();
    }

    @Test
    void another_usage_id_is_another_report() {
        reported(tokensUsed(1530, USAGE))
                .when(new RecordTokenUsage(RUN, OTHER_USAGE, 1530))
                .expectEvents(tokensUsed(1530, OTHER_USAGE));
    }

    @Test
    void usage_without_an_id_is_a_new_fact_each_time() {
        reported(tokensUsed(1530, null))
                .when(new RecordTokenUsage(RUN, null, 1530))
                .expectEvents(tokensUsed(1530, null));
    }

    @Test
    void token_usage_must_be_positive() {
        verdict.refused(processing(), new RecordTokenUsage(RUN, USAGE, 0), InvalidCommand.class);
    }

    @Test
    void one_usage_report_holds_at_most_the_documented_maximum_of_tokens() {
        verdict.refused(
                processing(), new RecordTokenUsage(RUN, USAGE, RecordTokenUsage.MAX_TOKENS + 1), InvalidCommand.class);
        fixture.given(processing())
                .when(new RecordTokenUsage(RUN, USAGE, RecordTokenUsage.MAX_TOKENS))
                .expectEvents(tokensUsed(RecordTokenUsage.MAX_TOKENS, USAGE));
    }

    @Test
    void a_queued_run_cannot_record_token_usage() {
        verdict.refused(List.of(queued()), new RecordTokenUsage(RUN, USAGE, 10), IllegalTransition.class);
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

    @Test
    void a_run_without_output_cannot_succeed() {
        verdict.refused(processing(), new SucceedRun(RUN), RunHasNoOutput.class);
    }

    @Test
    void succeeding_a_succeeded_run_again_changes_nothing() {
        verdict.changesNothing(succeeded(), new SucceedRun(RUN));
    }

    @Test
    void a_queued_run_cannot_succeed() {
        verdict.refused(List.of(queued()), new SucceedRun(RUN), IllegalTransition.class)
                .expectExceptionMessage("Run " + RUN + " is QUEUED; cannot succeed it");
    }

    @Test
    void a_failed_run_cannot_succeed() {
        verdict.refused(
                List.of(
                        queued(),
                        started("worker-1", 1),
                        output(OUTPUT),
                        new RunFailed(ORG, RUN, "timeout", RunStatus.PROCESSING)),
                new SucceedRun(RUN),
                IllegalTransition.class);
    }

    // FailRun

    @Test
    void a_queued_run_can_fail_before_it_started() {
        fixture.given(queued())
                .when(new FailRun(RUN, "pattern removed"))
                .expectEvents(new RunFailed(ORG, RUN, "pattern removed", RunStatus.QUEUED));
    }

    @Test
    void a_processing_run_can_fail() {
        fixture.given(processing())
                .when(new FailRun(RUN, "model timeout"))
                .expectEvents(new RunFailed(ORG, RUN, "model timeout", RunStatus.PROCESSING));
    }

    @Test
    void a_failure_needs_an_error() {
        verdict.refused(processing(), new FailRun(RUN, "  "), InvalidCommand.class);
    }

    @Test
    void failing_a_failed_run_again_changes_nothing() {
        verdict.changesNothing(
                List.of(queued(), new RunFailed(ORG, RUN, "pattern removed", RunStatus.QUEUED)),
                new FailRun(RUN, "pattern removed"));
    }

    @Test
    void a_succeeded_run_cannot_fail() {
        verdict.refused(succeeded(), new FailRun(RUN, "late error"), IllegalTransition.class)
                .expectExceptionMessage("Run " + RUN + " is SUCCEEDED; cannot fail it");
    }

    // RequeueRun

    @Test
    void a_run_whose_lease_expired_goes_back_to_the_queue() {
        fixture.given(processing())
                .when(new RequeueRun(RUN, "lease expired"))
                .expectEvents(new RunRequeued(ORG, RUN, "lease expired", 1));
    }

    @Test
    void a_requeue_needs_a_reason() {
        verdict.refused(processing(), new RequeueRun(RUN, null), InvalidCommand.class);
    }

    @Test
    void a_queued_run_cannot_be_requeued() {
        verdict.refused(List.of(queued()), new RequeueRun(RUN, "lease expired"), IllegalTransition.class)
                .expectExceptionMessage("Run " + RUN + " is QUEUED; cannot requeue it");
    }

    @Test
    void a_finished_run_cannot_be_requeued() {
        verdict.refused(succeeded(), new RequeueRun(RUN, "lease expired"), IllegalTransition.class);
    }
}
