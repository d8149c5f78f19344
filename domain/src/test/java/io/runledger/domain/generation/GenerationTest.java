package io.runledger.domain.generation;

import static io.runledger.domain.shared.Verdicts.then;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.run.UsageMeter;
import io.runledger.domain.run.UsageRecorded;
import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.Verdicts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

class GenerationTest {
    private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID GEN = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final Map<String, Object> ANALYSIS = Map.of("bpm", 128, "key", "A minor");
    private static final Map<String, Object> PLAN = Map.of("scenes", 12, "palette", "ember");
    private static final Instant RENDER_START = Instant.parse("2026-11-01T10:00:00Z");

    private final FixtureConfiguration<Generation> fixture = new AggregateTestFixture<>(Generation.class);
    private final Verdicts<Generation> verdict = new Verdicts<>(fixture);

    private static GenerationRequested requested() {
        return new GenerationRequested(
                ORG, PROJECT, GEN, USER, "seed-1", 1, GenerationStatus.PENDING, ProjectStatus.QUEUED);
    }

    private static AudioAnalysisStarted analysisStarted() {
        return analysisStarted("render-1", 1);
    }

    private static AudioAnalysisStarted analysisStarted(String workerId, int attempt) {
        return new AudioAnalysisStarted(
                ORG, PROJECT, GEN, workerId, attempt, GenerationStatus.PROCESSING, ProjectStatus.ANALYZING);
    }

    private static GenerationRequeued requeued(int attempt) {
        return new GenerationRequeued(
                ORG, PROJECT, GEN, "lease expired", attempt, GenerationStatus.PENDING, ProjectStatus.QUEUED);
    }

    private static AudioAnalysisRecorded analysisRecorded() {
        return new AudioAnalysisRecorded(
                ORG, PROJECT, GEN, ANALYSIS, GenerationStatus.PROCESSING, ProjectStatus.ORCHESTRATING);
    }

    private static VisualPlanRecorded planRecorded(Map<String, Object> plan) {
        return new VisualPlanRecorded(
                ORG, PROJECT, GEN, plan, GenerationStatus.PROCESSING, ProjectStatus.ORCHESTRATING);
    }

    private static RenderingStarted renderingStarted() {
        return new RenderingStarted(ORG, PROJECT, GEN, GenerationStatus.PROCESSING, ProjectStatus.RENDERING);
    }

    private static GenerationCompleted completed() {
        return new GenerationCompleted(
                ORG,
                PROJECT,
                GEN,
                "s3://videos/f1.mp4",
                "s3://thumbs/f1.jpg",
                new BigDecimal("183.4"),
                48_000_000L,
                95,
                GenerationStatus.COMPLETED,
                ProjectStatus.COMPLETED);
    }

    private static UsageRecorded billed(UsageMeter meter, long quantity) {
        return UsageRecorded.ofGeneration(ORG, GEN, USER, meter, BigDecimal.valueOf(quantity));
    }

    private static GenerationFailed failed() {
        return new GenerationFailed(
                ORG, PROJECT, GEN, "renderer crashed", GenerationStatus.FAILED, ProjectStatus.FAILED);
    }

    private static CompleteGeneration complete(String videoUrl, Long fileSize) {
        return new CompleteGeneration(GEN, videoUrl, "s3://thumbs/f1.jpg", new BigDecimal("183.4"), fileSize, 95);
    }

    // each history is the one before it and one more event

    private static List<Object> pending() {
        return List.of(requested());
    }

    private static List<Object> analyzing() {
        return then(pending(), analysisStarted());
    }

    private static List<Object> analysed() {
        return then(analyzing(), analysisRecorded());
    }

    private static List<Object> planned() {
        return then(analysed(), planRecorded(PLAN));
    }

    private static List<Object> rendering() {
        return then(planned(), renderingStarted());
    }

    private static List<Object> renderedAndCompleted() {
        return then(rendering(), completed());
    }

    // StartAudioAnalysis

    @Test
    void a_requested_generation_starts_its_audio_analysis() {
        fixture.given(pending()).when(new StartAudioAnalysis(GEN, "render-1")).expectEvents(analysisStarted());
    }

    @Test
    void audio_analysis_needs_a_worker() {
        verdict.refused(pending(), new StartAudioAnalysis(GEN, ""), InvalidCommand.class);
    }

    @Test
    void the_same_worker_starting_the_analysis_again_changes_nothing() {
        verdict.changesNothing(analyzing(), new StartAudioAnalysis(GEN, "render-1"));
    }

    @Test
    void another_worker_cannot_start_an_analysis_under_way() {
        verdict.refused(analyzing(), new StartAudioAnalysis(GEN, "render-2"), IllegalTransition.class)
                .expectExceptionMessage("Generation " + GEN + " is ANALYZING; cannot start its audio analysis");
    }

    @Test
    void a_failed_generation_cannot_start_its_analysis() {
        verdict.refused(then(pending(), failed()), new StartAudioAnalysis(GEN, "render-1"), IllegalTransition.class);
    }

    // RecordAudioAnalysis

    @Test
    void an_analysis_recorded_moves_the_project_to_orchestrating() {
        fixture.given(analyzing()).when(new RecordAudioAnalysis(GEN, ANALYSIS)).expectEvents(analysisRecorded());
    }

    @Test
    void an_empty_analysis_is_refused() {
        verdict.refused(analyzing(), new RecordAudioAnalysis(GEN, Map.of()), InvalidCommand.class);
    }

    @Test
    void the_same_analysis_recorded_again_changes_nothing() {
        verdict.changesNothing(analysed(), new RecordAudioAnalysis(GEN, ANALYSIS));
    }

    @Test
    void a_different_analysis_cannot_replace_a_recorded_one() {
        verdict.refused(analysed(), new RecordAudioAnalysis(GEN, Map.of("bpm", 90)), IllegalTransition.class);
    }

    @Test
    void an_analysis_cannot_be_recorded_before_it_started() {
        verdict.refused(pending(), new RecordAudioAnalysis(GEN, ANALYSIS), IllegalTransition.class);
    }

    // RecordVisualPlan

    @Test
    void a_visual_plan_is_recorded_while_orchestrating() {
        fixture.given(analysed()).when(new RecordVisualPlan(GEN, PLAN)).expectEvents(planRecorded(PLAN));
    }

    @Test
    void a_revised_plan_is_recorded_before_rendering_starts() {
        Map<String, Object> revised = Map.of("scenes", 14, "palette", "ember");
        fixture.given(planned()).when(new RecordVisualPlan(GEN, revised)).expectEvents(planRecorded(revised));
    }

    @Test
    void the_same_plan_recorded_again_changes_nothing() {
        verdict.changesNothing(planned(), new RecordVisualPlan(GEN, PLAN));
    }

    @Test
    void an_empty_plan_is_refused() {
        verdict.refused(analysed(), new RecordVisualPlan(GEN, null), InvalidCommand.class);
    }

    @Test
    void a_plan_cannot_be_recorded_before_the_analysis() {
        verdict.refused(analyzing(), new RecordVisualPlan(GEN, PLAN), IllegalTransition.class);
    }

    @Test
    void a_plan_cannot_change_once_rendering_started() {
        verdict.refused(rendering(), new RecordVisualPlan(GEN, Map.of("scenes", 3)), IllegalTransition.class)
                .expectExceptionMessage("Generation " + GEN + " is RENDERING; cannot record its visual plan");
    }

    // StartRendering

    @Test
    void rendering_starts_once_a_plan_is_recorded() {
        fixture.given(planned()).when(new StartRendering(GEN)).expectEvents(renderingStarted());
    }

    @Test
    void rendering_cannot_start_without_a_visual_plan() {
        verdict.refused(analysed(), new StartRendering(GEN), VisualPlanMissing.class);
    }

    @Test
    void rendering_cannot_start_during_the_analysis() {
        verdict.refused(analyzing(), new StartRendering(GEN), IllegalTransition.class);
    }

    @Test
    void starting_rendering_again_changes_nothing() {
        verdict.changesNothing(rendering(), new StartRendering(GEN));
    }

    // CompleteGeneration

    /** Rendering started at {@link #RENDER_START}; the worker completes the generation {@code rendering} later. */
    private void completingAfter(Duration rendering, long billedRenderSeconds) {
        fixture.givenCurrentTime(RENDER_START)
                .andGiven(rendering())
                .andGivenCurrentTime(RENDER_START.plus(rendering))
                .when(complete("s3://videos/f1.mp4", 48_000_000L))
                .expectEvents(
                        completed(),
                        billed(UsageMeter.GENERATIONS_COMPLETED, 1),
                        billed(UsageMeter.RENDER_SECONDS, billedRenderSeconds));
    }

    @Test
    void a_rendering_generation_completes_with_its_video_and_bills_the_generation_and_its_render_seconds_rounded_up() {
        completingAfter(Duration.ofMillis(95_200), 96);
    }

    @Test
    void a_render_of_whole_seconds_bills_exactly_those() {
        completingAfter(Duration.ofSeconds(95), 95);
    }

    @Test
    void a_render_under_a_second_bills_one() {
        completingAfter(Duration.ofMillis(300), 1);
    }

    @Test
    void only_the_render_of_the_attempt_that_completes_is_billed() {
        fixture.givenCurrentTime(RENDER_START)
                .andGiven(rendering())
                .andGivenCurrentTime(RENDER_START.plusSeconds(600))
                .andGiven(
                        requeued(1),
                        analysisStarted("render-2", 2),
                        analysisRecorded(),
                        planRecorded(PLAN),
                        renderingStarted())
                .andGivenCurrentTime(RENDER_START.plusSeconds(640))
                .when(complete("s3://videos/f1.mp4", 48_000_000L))
                .expectEvents(
                        completed(),
                        billed(UsageMeter.GENERATIONS_COMPLETED, 1),
                        billed(UsageMeter.RENDER_SECONDS, 40));
    }

    @Test
    void a_generation_cannot_complete_without_a_video() {
        verdict.refused(rendering(), complete(" ", 48_000_000L), InvalidCommand.class);
    }

    @Test
    void a_generation_cannot_complete_with_a_negative_file_size() {
        verdict.refused(rendering(), complete("s3://videos/f1.mp4", -1L), InvalidCommand.class);
    }

    @Test
    void completing_a_completed_generation_again_changes_nothing() {
        verdict.changesNothing(renderedAndCompleted(), complete("s3://videos/f1.mp4", 48_000_000L));
    }

    @Test
    void a_generation_still_analyzing_cannot_complete() {
        verdict.refused(analyzing(), complete("s3://videos/f1.mp4", 48_000_000L), IllegalTransition.class)
                .expectExceptionMessage("Generation " + GEN + " is ANALYZING; cannot complete it");
    }

    // FailGeneration

    @Test
    void a_requested_generation_can_fail() {
        fixture.given(pending())
                .when(new FailGeneration(GEN, "renderer crashed"))
                .expectEvents(failed());
    }

    @Test
    void a_rendering_generation_can_fail_and_bills_nothing() {
        fixture.given(rendering())
                .when(new FailGeneration(GEN, "renderer crashed"))
                .expectEvents(failed());
    }

    @Test
    void a_failure_needs_a_message() {
        verdict.refused(analyzing(), new FailGeneration(GEN, null), InvalidCommand.class);
    }

    @Test
    void failing_a_failed_generation_again_changes_nothing() {
        verdict.changesNothing(then(pending(), failed()), new FailGeneration(GEN, "renderer crashed"));
    }

    @Test
    void a_completed_generation_cannot_fail() {
        verdict.refused(renderedAndCompleted(), new FailGeneration(GEN, "late crash"), IllegalTransition.class)
                .expectExceptionMessage("Generation " + GEN + " is COMPLETED; cannot fail it");
    }

    // RequeueGeneration

    @Test
    void a_generation_whose_lease_expired_is_pending_again() {
        fixture.given(analysed())
                .when(new RequeueGeneration(GEN, "lease expired"))
                .expectEvents(requeued(1));
    }

    @Test
    void a_requeued_generation_starts_its_next_attempt_from_the_analysis() {
        fixture.given(then(planned(), requeued(1)))
                .when(new StartAudioAnalysis(GEN, "render-2"))
                .expectEvents(analysisStarted("render-2", 2));
    }

    @Test
    void a_requeued_generation_has_no_plan_to_render_until_the_next_attempt_records_one() {
        fixture.given(then(planned(), requeued(1), analysisStarted("render-2", 2), analysisRecorded()))
                .when(new StartRendering(GEN))
                .expectException(VisualPlanMissing.class);
    }

    @Test
    void a_generation_nobody_works_on_cannot_be_requeued() {
        verdict.refused(pending(), new RequeueGeneration(GEN, "lease expired"), IllegalTransition.class);
    }

    @Test
    void a_finished_generation_cannot_be_requeued() {
        verdict.refused(renderedAndCompleted(), new RequeueGeneration(GEN, "lease expired"), IllegalTransition.class);
    }

    @Test
    void a_requeue_needs_a_reason() {
        fixture.given(analyzing()).when(new RequeueGeneration(GEN, " ")).expectException(InvalidCommand.class);
    }
}
