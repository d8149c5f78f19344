package io.runledger.domain.generation;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;
import org.junit.jupiter.api.Test;

class GenerationMessagesSurviveJsonTest {
    private static final UUID ORG = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID GEN = UUID.randomUUID();

    private static Map<String, Object> analysis() {
        Map<String, Object> analysis = new HashMap<>();
        analysis.put("bpm", 128);
        analysis.put("key", null);
        analysis.put("beats", List.of(0.5, 1.0));
        analysis.put("sections", Map.of("intro", 8));
        return analysis;
    }

    @Test
    void commands_survive_json() {
        assertSurvivesJson(new StartAudioAnalysis(GEN, "render-1"));
        assertSurvivesJson(new RecordAudioAnalysis(GEN, analysis()));
        assertSurvivesJson(new RecordVisualPlan(GEN, Map.of("scenes", List.of("city", "sea"))));
        assertSurvivesJson(new StartRendering(GEN));
        assertSurvivesJson(new CompleteGeneration(GEN, "s3://v.mp4", null, new BigDecimal("183.4"), 48_000_000L, 95));
        assertSurvivesJson(new FailGeneration(GEN, "renderer crashed"));
        assertSurvivesJson(new RequeueGeneration(GEN, "lease expired"));
    }

    @Test
    void events_survive_json() {
        assertSurvivesJson(new GenerationRequested(
                ORG, PROJECT, GEN, UUID.randomUUID(), "seed-1", 1, GenerationStatus.PENDING, ProjectStatus.QUEUED));
        assertSurvivesJson(new AudioAnalysisStarted(
                ORG, PROJECT, GEN, "render-1", 2, GenerationStatus.PROCESSING, ProjectStatus.ANALYZING));
        assertSurvivesJson(new AudioAnalysisRecorded(
                ORG, PROJECT, GEN, analysis(), GenerationStatus.PROCESSING, ProjectStatus.ORCHESTRATING));
        assertSurvivesJson(new VisualPlanRecorded(
                ORG, PROJECT, GEN, Map.of("scenes", 12), GenerationStatus.PROCESSING, ProjectStatus.ORCHESTRATING));
        assertSurvivesJson(
                new RenderingStarted(ORG, PROJECT, GEN, GenerationStatus.PROCESSING, ProjectStatus.RENDERING));
        assertSurvivesJson(new GenerationRequeued(
                ORG, PROJECT, GEN, "lease expired", 1, GenerationStatus.PENDING, ProjectStatus.QUEUED));
        assertSurvivesJson(new GenerationCompleted(
                ORG,
                PROJECT,
                GEN,
                "s3://v.mp4",
                "s3://t.jpg",
                new BigDecimal("183.4"),
                48_000_000L,
                95,
                GenerationStatus.COMPLETED,
                ProjectStatus.COMPLETED));
        assertSurvivesJson(new GenerationFailed(
                ORG, PROJECT, GEN, "renderer crashed", GenerationStatus.FAILED, ProjectStatus.FAILED));
    }
}
