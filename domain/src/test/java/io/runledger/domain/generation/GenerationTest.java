package io.runledger.domain.generation;

import static io.runledger.domain.shared.TestTenant.ORG;
import static io.runledger.domain.shared.TestTenant.USER;
import static io.runledger.domain.shared.Verdicts.Refusal.invalid;
import static io.runledger.domain.shared.Verdicts.then;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.run.UsageMeter;
import io.runledger.domain.run.UsageRecorded;
import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.Verdicts;
import io.runledger.domain.shared.Verdicts.Case;
import io.runledger.domain.shared.Verdicts.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GenerationTest {
    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID GEN = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final Map<String, Object> ANALYSIS = Map.of("bpm", 128, "key", "A minor");
    private static final Map<String, Object> PLAN = Map.of("scenes", 12, "palette", "ember");
    private static final Map<String, Object> REVISED_PLAN = Map.of("scenes", 14, "palette", "ember");
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

    private static Refusal illegal(List<Object> history, Object command, String refusal) {
        return Refusal.illegal("Generation", GEN, history, command, refusal);
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

    @TestFactory
    Stream<DynamicTest> each_step_moves_the_generation_and_its_project_on() {
        return verdict.acceptEach(
                Case.of(pending(), new StartAudioAnalysis(GEN, "render-1"), analysisStarted()),
                Case.of(analyzing(), new RecordAudioAnalysis(GEN, ANALYSIS), analysisRecorded()),
                Case.of(analysed(), new RecordVisualPlan(GEN, PLAN), planRecorded(PLAN)),
                // a revised plan, before rendering starts, is recorded like the first
                Case.of(planned(), new RecordVisualPlan(GEN, REVISED_PLAN), planRecorded(REVISED_PLAN)),
                Case.of(planned(), new StartRendering(GEN), renderingStarted()),
                Case.of(pending(), new FailGeneration(GEN, "renderer crashed"), failed()),
                // a failure bills nothing
                Case.of(rendering(), new FailGeneration(GEN, "renderer crashed"), failed()),
                Case.of(analysed(), new RequeueGeneration(GEN, "lease expired"), requeued(1)),
                // the next attempt starts over from the analysis
                Case.of(
                        then(planned(), requeued(1)),
                        new StartAudioAnalysis(GEN, "render-2"),
                        analysisStarted("render-2", 2)));
    }

    @TestFactory
    Stream<DynamicTest> a_step_repeated_while_its_result_is_the_current_stage_changes_nothing() {
        return verdict.acceptEach(
                Case.of(analyzing(), new StartAudioAnalysis(GEN, "render-1")),
                Case.of(analysed(), new RecordAudioAnalysis(GEN, ANALYSIS)),
                Case.of(planned(), new RecordVisualPlan(GEN, PLAN)),
                Case.of(rendering(), new StartRendering(GEN)),
                Case.of(renderedAndCompleted(), complete("s3://videos/f1.mp4", 48_000_000L)),
                Case.of(then(pending(), failed()), new FailGeneration(GEN, "renderer crashed")));
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

    @TestFactory
    Stream<DynamicTest> a_command_with_invalid_values_is_refused() {
        return verdict.refuseEach(
                invalid(pending(), new StartAudioAnalysis(GEN, ""), "workerId is required"),
                invalid(analyzing(), new RecordAudioAnalysis(GEN, Map.of()), "audioAnalysis must not be empty"),
                invalid(analysed(), new RecordVisualPlan(GEN, null), "visualPlan must not be empty"),
                invalid(rendering(), complete(" ", 48_000_000L), "videoUrl is required"),
                invalid(
                        rendering(),
                        complete("s3://videos/f1.mp4", -1L),
                        "durationSeconds, fileSizeBytes and renderTimeSeconds must not be negative"),
                invalid(analyzing(), new FailGeneration(GEN, null), "errorMessage is required"),
                invalid(analyzing(), new RequeueGeneration(GEN, " "), "reason is required"));
    }

    @TestFactory
    Stream<DynamicTest> a_command_the_generations_stage_does_not_allow_is_refused() {
        return verdict.refuseEach(
                illegal(
                        analyzing(),
                        new StartAudioAnalysis(GEN, "render-2"),
                        "ANALYZING; cannot start its audio analysis"),
                illegal(
                        then(pending(), failed()),
                        new StartAudioAnalysis(GEN, "render-1"),
                        "FAILED; cannot start its audio analysis"),
                illegal(
                        analysed(),
                        new RecordAudioAnalysis(GEN, Map.of("bpm", 90)),
                        "ORCHESTRATING; cannot record its audio analysis"),
                illegal(
                        pending(),
                        new RecordAudioAnalysis(GEN, ANALYSIS),
                        "REQUESTED; cannot record its audio analysis"),
                illegal(analyzing(), new RecordVisualPlan(GEN, PLAN), "ANALYZING; cannot record its visual plan"),
                illegal(
                        rendering(),
                        new RecordVisualPlan(GEN, Map.of("scenes", 3)),
                        "RENDERING; cannot record its visual plan"),
                illegal(analyzing(), new StartRendering(GEN), "ANALYZING; cannot start rendering it"),
                illegal(analyzing(), complete("s3://videos/f1.mp4", 48_000_000L), "ANALYZING; cannot complete it"),
                illegal(renderedAndCompleted(), new FailGeneration(GEN, "late crash"), "COMPLETED; cannot fail it"),
                illegal(pending(), new RequeueGeneration(GEN, "lease expired"), "REQUESTED; cannot requeue it"),
                illegal(
                        renderedAndCompleted(),
                        new RequeueGeneration(GEN, "lease expired"),
                        "COMPLETED; cannot requeue it"),
                noPlan(analysed()),
                // the plan of the attempt before does not count
                noPlan(then(planned(), requeued(1), analysisStarted("render-2", 2), analysisRecorded())));
    }

    private static Refusal noPlan(List<Object> history) {
        return new Refusal(
                history,
                new StartRendering(GEN),
                VisualPlanMissing.class,
                "Generation " + GEN + " has no visual plan; it cannot start rendering");
    }
}
