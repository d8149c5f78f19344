package io.runledger.domain.project;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;

import java.math.BigDecimal;
import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;
import org.junit.jupiter.api.Test;

class ProjectMessagesSurviveJsonTest {
    private static final UUID ORG = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID GEN = UUID.randomUUID();

    @Test
    void commands_survive_json() {
        assertSurvivesJson(new CreateProject(
                ORG,
                PROJECT,
                USER,
                new ProjectDetails(
                        "Neon",
                        null,
                        "lights",
                        "audio/a.wav",
                        new BigDecimal("183.4"),
                        null,
                        "organic",
                        new BigDecimal("0.6"),
                        null)));
        assertSurvivesJson(new UpdateProject(
                PROJECT,
                new ProjectDetails("Neon II", null, null, null, null, "4k", null, null, new BigDecimal("0.75"))));
        assertSurvivesJson(new RequestGeneration(PROJECT, GEN, USER, "seed-1"));
        assertSurvivesJson(new RecordGenerationOutcome(PROJECT, GEN, ProjectStatus.COMPLETED));
    }

    @Test
    void events_survive_json() {
        assertSurvivesJson(new ProjectCreated(
                ORG,
                PROJECT,
                USER,
                new ProjectDetails(
                        "Neon",
                        "desc",
                        "lights",
                        "audio/a.wav",
                        null,
                        "1080p",
                        "organic",
                        new BigDecimal("0.6"),
                        new BigDecimal("0.5")),
                ProjectStatus.DRAFT));
        assertSurvivesJson(new ProjectUpdated(
                ORG,
                PROJECT,
                new ProjectDetails(
                        "Neon",
                        null,
                        "lights",
                        "audio/a.wav",
                        new BigDecimal("12.50"),
                        "1080p",
                        "organic",
                        BigDecimal.ONE,
                        BigDecimal.ZERO)));
        assertSurvivesJson(new ProjectGenerationQueued(ORG, PROJECT, GEN, 3, "seed-3", ProjectStatus.QUEUED));
        assertSurvivesJson(new ProjectGenerationFinished(ORG, PROJECT, GEN, ProjectStatus.FAILED));
    }
}
