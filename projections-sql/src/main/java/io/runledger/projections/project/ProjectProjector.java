package io.runledger.projections.project;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import io.runledger.domain.generation.AudioAnalysisRecorded;
import io.runledger.domain.generation.AudioAnalysisStarted;
import io.runledger.domain.generation.GenerationCompleted;
import io.runledger.domain.generation.GenerationEvent;
import io.runledger.domain.generation.GenerationFailed;
import io.runledger.domain.generation.GenerationRequested;
import io.runledger.domain.generation.GenerationRequeued;
import io.runledger.domain.generation.RenderingStarted;
import io.runledger.domain.generation.VisualPlanRecorded;
import io.runledger.domain.org.OrgErased;
import io.runledger.domain.project.ProjectCreated;
import io.runledger.domain.project.ProjectDetails;
import io.runledger.domain.project.ProjectGenerationFinished;
import io.runledger.domain.project.ProjectGenerationQueued;
import io.runledger.domain.project.ProjectUpdated;
import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.shared.ProjectStatus;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/**
 * {@code projects} and their {@code generations}. Every generation event states the project's
 * resulting status, so the project row follows its generation without loading anything.
 */
@ReadModelProjector(processingGroup = ReadModelProcessors.PROJECTS)
public record ProjectProjector(ReadModels models) {

    @EventHandler
    void on(ProjectCreated created, @Timestamp Instant at) {
        models.write(
                """
                insert into projects (name, description, prompt, audio_path, audio_duration, resolution, style_preference,
                                      footage_visibility, effect_intensity, id, organization_id, user_id, status,
                                      created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """,
                detailsThen(
                        created.details(),
                        created.projectId(),
                        created.orgId(),
                        created.userId(),
                        created.status().code(),
                        ReadModels.at(at),
                        ReadModels.at(at)));
    }

    @EventHandler
    void on(ProjectUpdated updated, @Timestamp Instant at) {
        models.write("""
                update projects set name = ?, description = ?, prompt = ?, audio_path = ?, audio_duration = ?, resolution = ?,
                                    style_preference = ?, footage_visibility = ?, effect_intensity = ?, updated_at = ?
                where id = ?
                """, detailsThen(updated.details(), ReadModels.at(at), updated.projectId()));
    }

    /** The details' values in the order both statements above name their columns, then {@code more}. */
    private static Object[] detailsThen(ProjectDetails details, Object... more) {
        Object[] values = {
            details.name(),
            details.description(),
            details.prompt(),
            details.audioPath(),
            details.audioDuration(),
            details.resolution(),
            details.stylePreference(),
            details.footageVisibility(),
            details.effectIntensity()
        };
        Object[] params = Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, params, values.length, more.length);
        return params;
    }

    @EventHandler
    void on(ProjectGenerationQueued queued, @Timestamp Instant at) {
        projectIs(queued.projectId(), queued.projectStatus(), at);
    }

    @EventHandler
    void on(ProjectGenerationFinished finished, @Timestamp Instant at) {
        projectIs(finished.projectId(), finished.projectStatus(), at);
    }

    @EventHandler
    void on(GenerationRequested requested, @Timestamp Instant at) {
        models.write(
                """
                insert into generations (id, project_id, organization_id, user_id, seed, generation_number, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """,
                requested.generationId(),
                requested.projectId(),
                requested.orgId(),
                requested.userId(),
                requested.seed(),
                requested.generationNumber(),
                requested.status().code(),
                ReadModels.at(at));
        projectIs(requested.projectId(), requested.projectStatus(), at);
    }

    @EventHandler
    void on(AudioAnalysisStarted started, @Timestamp Instant at) {
        generation(started, at, "started_at = ?, attempt = ?", ReadModels.at(at), started.attempt());
    }

    @EventHandler
    void on(AudioAnalysisRecorded recorded, @Timestamp Instant at) {
        stageResult(recorded, at, "audio_analysis", "analyzed_at", recorded.audioAnalysis());
    }

    @EventHandler
    void on(VisualPlanRecorded recorded, @Timestamp Instant at) {
        stageResult(recorded, at, "visual_plan", "planned_at", recorded.visualPlan());
    }

    @EventHandler
    void on(RenderingStarted started, @Timestamp Instant at) {
        generation(started, at, "rendering_at = ?", ReadModels.at(at));
    }

    /** The next attempt starts from nothing: its own analysis and plan, and its own stage times. */
    @EventHandler
    void on(GenerationRequeued requeued, @Timestamp Instant at) {
        generation(
                requeued,
                at,
                "started_at = null, audio_analysis = null, visual_plan = null, "
                        + "analyzed_at = null, planned_at = null, rendering_at = null");
    }

    @EventHandler
    void on(GenerationCompleted completed, @Timestamp Instant at) {
        generation(
                completed,
                at,
                "video_url = ?, thumbnail_url = ?, duration = ?, file_size = ?, render_time_seconds = ?, "
                        + "completed_at = ?",
                completed.videoUrl(),
                completed.thumbnailUrl(),
                completed.durationSeconds(),
                completed.fileSizeBytes(),
                completed.renderTimeSeconds(),
                ReadModels.at(at));
    }

    @EventHandler
    void on(GenerationFailed failed, @Timestamp Instant at) {
        generation(failed, at, "error_message = ?, completed_at = ?", failed.errorMessage(), ReadModels.at(at));
    }

    /** The org's project texts and generation results read, as a replay after its key was destroyed gives them, as the placeholder. */
    @EventHandler
    void on(OrgErased erased) {
        UUID orgId = erased.orgId();
        String placeholder = DataSubject.org(orgId).placeholder();
        models.write("""
                update projects set name = ?, prompt = ?, audio_path = ?,
                                    description = case when description is null then null else ? end
                where organization_id = ?
                """, placeholder, placeholder, placeholder, placeholder, orgId);
        models.write("""
                update generations set audio_analysis = case when audio_analysis is null then null else '{}'::jsonb end,
                                       visual_plan = case when visual_plan is null then null else '{}'::jsonb end,
                                       video_url = case when video_url is null then null else ? end,
                                       thumbnail_url = case when thumbnail_url is null then null else ? end,
                                       error_message = case when error_message is null then null else ? end
                where organization_id = ?
                """, placeholder, placeholder, placeholder, orgId);
    }

    /** A stage's result into its jsonb column, and the event's time into the column of when it was recorded. */
    private void stageResult(GenerationEvent event, Instant at, String column, String atColumn, Object result) {
        generation(event, at, column + " = ?::jsonb, " + atColumn + " = ?", models.json(result), ReadModels.at(at));
    }

    /** Sets the generation's status and {@code set}'s columns, and moves its project to the status the event states. */
    private void generation(GenerationEvent event, Instant at, String set, Object... values) {
        Object[] params = new Object[values.length + 2];
        params[0] = event.status().code();
        System.arraycopy(values, 0, params, 1, values.length);
        params[values.length + 1] = event.generationId();
        models.write("update generations set status = ?, " + set + " where id = ?", params);
        projectIs(event.projectId(), event.projectStatus(), at);
    }

    private void projectIs(UUID projectId, ProjectStatus status, Instant at) {
        models.write(
                "update projects set status = ?, updated_at = ? where id = ?",
                status.code(),
                ReadModels.at(at),
                projectId);
    }
}
