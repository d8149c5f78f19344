package io.runledger.projections.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.generation.AudioAnalysisRecorded;
import io.runledger.domain.generation.AudioAnalysisStarted;
import io.runledger.domain.generation.GenerationCompleted;
import io.runledger.domain.generation.GenerationFailed;
import io.runledger.domain.generation.GenerationRequested;
import io.runledger.domain.generation.GenerationRequeued;
import io.runledger.domain.generation.GenerationStatus;
import io.runledger.domain.generation.RenderingStarted;
import io.runledger.domain.generation.VisualPlanRecorded;
import io.runledger.domain.org.OrgErased;
import io.runledger.domain.project.ProjectCreated;
import io.runledger.domain.project.ProjectDetails;
import io.runledger.domain.project.ProjectGenerationFinished;
import io.runledger.domain.project.ProjectGenerationQueued;
import io.runledger.domain.project.ProjectUpdated;
import io.runledger.domain.shared.ProjectStatus;
import io.runledger.projections.ProjectorTest;
import io.runledger.projections.Redelivery;
import org.junit.jupiter.api.Test;

/** The {@code projects} row and {@code generations} a project's and its generations' events leave, stage by stage. */
class ProjectProjectorTest extends ProjectorTest {

    private static final Instant CREATED = Instant.parse("2026-11-02T09:00:00Z");
    private static final ProjectDetails DETAILS = new ProjectDetails(
            "Launch video",
            "For the launch",
            "A calm sea at dawn",
            "uploads/sea.mp3",
            new BigDecimal("184.5"),
            "1080p",
            "organic",
            new BigDecimal("0.6"),
            new BigDecimal("0.5"));

    private final ProjectProjector projector = new ProjectProjector(readModels);
    private final UUID org = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID project = UUID.randomUUID();
    private final UUID generation = UUID.randomUUID();

    private static Instant minute(int minutes) {
        return CREATED.plusSeconds(60L * minutes);
    }

    private void created(UUID orgId, UUID projectId, ProjectDetails details) {
        projector.on(new ProjectCreated(orgId, projectId, user, details, ProjectStatus.DRAFT), CREATED);
    }

    /** The project created, then asked for its first generation, as the Project and Generation aggregates apply it. */
    private void generationRequested() {
        created(org, project, DETAILS);
        projector.on(
                new ProjectGenerationQueued(org, project, generation, 1, "seed-1", ProjectStatus.QUEUED), minute(1));
        projector.on(requested(), minute(1));
    }

    private GenerationRequested requested() {
        return new GenerationRequested(
                org, project, generation, user, "seed-1", 1, GenerationStatus.PENDING, ProjectStatus.QUEUED);
    }

    private AudioAnalysisStarted analysisStarted(int attempt) {
        return new AudioAnalysisStarted(
                org, project, generation, "gpu-1", attempt, GenerationStatus.PROCESSING, ProjectStatus.ANALYZING);
    }

    private AudioAnalysisRecorded analysisRecorded() {
        return new AudioAnalysisRecorded(
                org, project, generation, Map.of("bpm", 120), GenerationStatus.PROCESSING, ProjectStatus.ORCHESTRATING);
    }

    private GenerationRequeued requeued() {
        return new GenerationRequeued(
                org, project, generation, "lease expired", 1, GenerationStatus.PENDING, ProjectStatus.QUEUED);
    }

    private GenerationCompleted completed() {
        return new GenerationCompleted(
                org,
                project,
                generation,
                "https://cdn.example.com/v.mp4",
                "https://cdn.example.com/t.jpg",
                new BigDecimal("184.5"),
                52_428_800L,
                95,
                GenerationStatus.COMPLETED,
                ProjectStatus.COMPLETED);
    }

    private Map<String, Object> projectRow(UUID projectId) {
        return jdbc.queryForMap("select * from projects where id = ?", projectId);
    }

    private Map<String, Object> generationRow() {
        return jdbc.queryForMap(
                "select *, audio_analysis::text as analysis, visual_plan::text as plan from generations where id = ?",
                generation);
    }

    private List<Map<String, Object>> rows() {
        return database.rows(
                project,
                "select * from projects where id = ?",
                "select * from generations where project_id = ? order by id");
    }

    @Test
    void a_created_project_is_a_draft_with_its_details_and_an_update_replaces_every_detail() {
        created(org, project, DETAILS);
        projector.on(
                new ProjectUpdated(
                        org,
                        project,
                        new ProjectDetails(
                                "Launch video, cut 2",
                                null,
                                "A storm at noon",
                                "uploads/storm.mp3",
                                new BigDecimal("200"),
                                "4k",
                                "geometric",
                                new BigDecimal("0.8"),
                                new BigDecimal("0.25"))),
                minute(5));

        assertThat(projectRow(project))
                .containsEntry("organization_id", org)
                .containsEntry("user_id", user)
                .containsEntry("name", "Launch video, cut 2")
                .containsEntry("description", null)
                .containsEntry("prompt", "A storm at noon")
                .containsEntry("audio_path", "uploads/storm.mp3")
                .containsEntry("audio_duration", new BigDecimal("200"))
                .containsEntry("resolution", "4k")
                .containsEntry("style_preference", "geometric")
                .containsEntry("footage_visibility", new BigDecimal("0.8"))
                .containsEntry("effect_intensity", new BigDecimal("0.25"))
                .containsEntry("status", "draft")
                .containsEntry("created_at", Timestamp.from(CREATED))
                .containsEntry("updated_at", Timestamp.from(minute(5)));
    }

    @Test
    void a_generation_moves_its_project_through_each_stage_and_completes_with_its_video_and_stage_times() {
        generationRequested();

        assertThat(generationRow())
                .containsEntry("status", "pending")
                .containsEntry("seed", "seed-1")
                .containsEntry("generation_number", 1)
                .containsEntry("organization_id", org)
                .containsEntry("user_id", user);
        assertThat(projectRow(project)).containsEntry("status", "queued");

        projector.on(analysisStarted(1), minute(2));
        assertThat(projectRow(project)).containsEntry("status", "analyzing");
        projector.on(analysisRecorded(), minute(3));
        projector.on(
                new VisualPlanRecorded(
                        org,
                        project,
                        generation,
                        Map.of("scenes", 4),
                        GenerationStatus.PROCESSING,
                        ProjectStatus.ORCHESTRATING),
                minute(4));
        assertThat(projectRow(project)).containsEntry("status", "orchestrating");
        projector.on(
                new RenderingStarted(org, project, generation, GenerationStatus.PROCESSING, ProjectStatus.RENDERING),
                minute(5));
        assertThat(projectRow(project)).containsEntry("status", "rendering");
        projector.on(completed(), minute(7));
        projector.on(new ProjectGenerationFinished(org, project, generation, ProjectStatus.COMPLETED), minute(7));

        assertThat(generationRow())
                .containsEntry("status", "completed")
                .containsEntry("attempt", 1)
                .containsEntry("analysis", "{\"bpm\": 120}")
                .containsEntry("plan", "{\"scenes\": 4}")
                .containsEntry("video_url", "https://cdn.example.com/v.mp4")
                .containsEntry("thumbnail_url", "https://cdn.example.com/t.jpg")
                .containsEntry("duration", new BigDecimal("184.5"))
                .containsEntry("file_size", 52_428_800L)
                .containsEntry("render_time_seconds", 95)
                .containsEntry("error_message", null)
                .containsEntry("created_at", Timestamp.from(minute(1)))
                .containsEntry("started_at", Timestamp.from(minute(2)))
                .containsEntry("analyzed_at", Timestamp.from(minute(3)))
                .containsEntry("planned_at", Timestamp.from(minute(4)))
                .containsEntry("rendering_at", Timestamp.from(minute(5)))
                .containsEntry("completed_at", Timestamp.from(minute(7)));
        assertThat(projectRow(project))
                .containsEntry("status", "completed")
                .containsEntry("updated_at", Timestamp.from(minute(7)));
    }

    @Test
    void a_requeued_generation_waits_again_without_its_stage_results_and_a_failed_retry_keeps_the_error() {
        generationRequested();
        projector.on(analysisStarted(1), minute(2));
        projector.on(analysisRecorded(), minute(3));
        projector.on(requeued(), minute(10));

        assertThat(generationRow())
                .containsEntry("status", "pending")
                .containsEntry("attempt", 1)
                .containsEntry("started_at", null)
                .containsEntry("analysis", null)
                .containsEntry("analyzed_at", null);
        assertThat(projectRow(project)).containsEntry("status", "queued");

        projector.on(analysisStarted(2), minute(11));
        projector.on(
                new GenerationFailed(
                        org, project, generation, "decoder crashed", GenerationStatus.FAILED, ProjectStatus.FAILED),
                minute(12));
        projector.on(new ProjectGenerationFinished(org, project, generation, ProjectStatus.FAILED), minute(12));

        assertThat(generationRow())
                .containsEntry("status", "failed")
                .containsEntry("attempt", 2)
                .containsEntry("started_at", Timestamp.from(minute(11)))
                .containsEntry("error_message", "decoder crashed")
                .containsEntry("completed_at", Timestamp.from(minute(12)));
        assertThat(projectRow(project)).containsEntry("status", "failed");
    }

    @Test
    void erasing_the_org_leaves_the_placeholder_in_its_texts_and_results_and_no_other_orgs_project_changes() {
        UUID undescribed = UUID.randomUUID();
        UUID otherOrg = UUID.randomUUID();
        UUID othersProject = UUID.randomUUID();
        generationRequested();
        created(
                org,
                undescribed,
                new ProjectDetails(
                        "Untitled",
                        null,
                        "Rain",
                        "uploads/rain.mp3",
                        null,
                        "720p",
                        "organic",
                        BigDecimal.ONE,
                        BigDecimal.ZERO));
        created(otherOrg, othersProject, DETAILS);
        projector.on(analysisStarted(1), minute(2));
        projector.on(analysisRecorded(), minute(3));
        projector.on(
                new GenerationFailed(
                        org, project, generation, "decoder crashed", GenerationStatus.FAILED, ProjectStatus.FAILED),
                minute(4));

        projector.on(new OrgErased(org, "closed", List.of()));

        String placeholder = "erased org " + org;
        assertThat(projectRow(project))
                .containsEntry("name", placeholder)
                .containsEntry("description", placeholder)
                .containsEntry("prompt", placeholder)
                .containsEntry("audio_path", placeholder)
                .containsEntry("resolution", "1080p")
                .containsEntry("status", "failed");
        assertThat(projectRow(undescribed)).containsEntry("name", placeholder).containsEntry("description", null);
        assertThat(generationRow())
                .containsEntry("analysis", "{}")
                .containsEntry("plan", null)
                .containsEntry("video_url", null)
                .containsEntry("error_message", placeholder)
                .containsEntry("seed", "seed-1");
        assertThat(projectRow(othersProject))
                .containsEntry("name", "Launch video")
                .containsEntry("prompt", "A calm sea at dawn");
    }

    @Test
    void an_event_delivered_twice_leaves_the_rows_it_left_once() {
        Redelivery.changesNothing(
                this::rows,
                () -> projector.on(new ProjectCreated(org, project, user, DETAILS, ProjectStatus.DRAFT), CREATED));
        Redelivery.changesNothing(
                this::rows,
                () -> projector.on(
                        new ProjectGenerationQueued(org, project, generation, 1, "seed-1", ProjectStatus.QUEUED),
                        minute(1)));
        Redelivery.changesNothing(this::rows, () -> projector.on(requested(), minute(1)));
        Redelivery.changesNothing(this::rows, () -> projector.on(analysisStarted(1), minute(2)));
        Redelivery.changesNothing(this::rows, () -> projector.on(analysisRecorded(), minute(3)));
        Redelivery.changesNothing(this::rows, () -> projector.on(requeued(), minute(10)));

        assertThat(jdbc.queryForObject("select count(*) from generations where project_id = ?", Long.class, project))
                .isEqualTo(1);
    }
}
