package io.runledger.query.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.runledger.query.Rows;
import io.runledger.query.paging.Keyset;
import io.runledger.query.paging.Page;
import io.runledger.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** {@code projects} and {@code generations} of one org, read under the tenant's row-level security. */
@Component
public record ProjectQueries(TenantReads reads) {

    public record ProjectView(
            UUID id,
            UUID userId,
            @Schema(example = "Sunrise") String name,
            @Nullable String description,

            @Schema(example = "A city waking up, warm light, slow pans")
            String prompt,

            String audioPath,
            @Nullable BigDecimal audioDuration,
            @Schema(example = "1080p") String resolution,
            String stylePreference,
            BigDecimal footageVisibility,
            BigDecimal effectIntensity,
            @Schema(example = "draft") String status,
            Instant createdAt,
            Instant updatedAt) {}

    public record GenerationView(
            UUID id,
            UUID projectId,
            UUID userId,
            @Schema(example = "sunrise-1") String seed,
            @Nullable Integer generationNumber,
            @Schema(example = "completed") String status,
            @Nullable Map<String, Object> audioAnalysis,
            @Nullable Map<String, Object> visualPlan,

            @Schema(example = "https://cdn.example.com/videos/sunrise.mp4") @Nullable
            String videoUrl,

            @Nullable String thumbnailUrl,
            @Nullable BigDecimal duration,
            @Nullable Long fileSize,
            @Nullable Integer renderTimeSeconds,
            @Nullable String errorMessage,
            int attempt,
            Instant createdAt,
            @Nullable Instant startedAt,
            @Nullable Instant analyzedAt,
            @Nullable Instant plannedAt,
            @Nullable Instant renderingAt,
            @Nullable Instant completedAt) {}

    public Page<ProjectView> projects(UUID orgId, Keyset.Position position) {
        return reads.read(
                orgId,
                sql -> Keyset.page(
                        sql.sql("""
                select * from projects where organization_id = :org and %s
                order by created_at desc, id desc limit :limit
                """.formatted(position.after("created_at", "id")))
                                .param("org", orgId),
                        position,
                        (rs, row) -> project(rs),
                        project -> new Keyset.Key(project.createdAt(), project.id())));
    }

    public Optional<ProjectView> project(UUID orgId, UUID projectId) {
        return reads.read(orgId, sql -> sql.sql("select * from projects where organization_id = ? and id = ?")
                .params(orgId, projectId)
                .query((rs, row) -> project(rs))
                .optional());
    }

    /** @param projectId null for all of the org's */
    public Page<GenerationView> generations(UUID orgId, UUID projectId, String status, Keyset.Position position) {
        return reads.read(
                orgId,
                sql -> Keyset.page(
                        sql.sql("""
                select * from generations where organization_id = :org
                  and (cast(:project as uuid) is null or project_id = :project)
                  and (cast(:status as text) is null or status = :status)
                  and %s
                order by created_at desc, id desc limit :limit
                """.formatted(position.after("created_at", "id")))
                                .param("org", orgId)
                                .param("project", projectId)
                                .param("status", status),
                        position,
                        (rs, row) -> generation(rs),
                        generation -> new Keyset.Key(generation.createdAt(), generation.id())));
    }

    public Optional<GenerationView> generation(UUID orgId, UUID generationId) {
        return Optional.ofNullable(generations(orgId, Set.of(generationId)).get(generationId));
    }

    /** The readable ones of these generations, by id: one query in one tenant transaction. */
    public Map<UUID, GenerationView> generations(UUID orgId, Collection<UUID> generationIds) {
        return reads.read(
                orgId,
                sql ->
                        sql
                                .sql("""
                select * from generations where organization_id = ? and id = any(cast(? as uuid[]))
                """)
                                .params(orgId, Rows.uuidArray(generationIds))
                                .query((rs, row) -> generation(rs))
                                .stream()
                                .collect(Collectors.toMap(GenerationView::id, generation -> generation)));
    }

    private static ProjectView project(ResultSet rs) throws SQLException {
        return new ProjectView(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("prompt"),
                rs.getString("audio_path"),
                rs.getBigDecimal("audio_duration"),
                rs.getString("resolution"),
                rs.getString("style_preference"),
                rs.getBigDecimal("footage_visibility"),
                rs.getBigDecimal("effect_intensity"),
                rs.getString("status"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    private static GenerationView generation(ResultSet rs) throws SQLException {
        return new GenerationView(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("seed"),
                (Integer) rs.getObject("generation_number"),
                rs.getString("status"),
                Rows.jsonObject(rs, "audio_analysis"),
                Rows.jsonObject(rs, "visual_plan"),
                rs.getString("video_url"),
                rs.getString("thumbnail_url"),
                rs.getBigDecimal("duration"),
                (Long) rs.getObject("file_size"),
                (Integer) rs.getObject("render_time_seconds"),
                rs.getString("error_message"),
                rs.getInt("attempt"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "started_at"),
                Rows.instant(rs, "analyzed_at"),
                Rows.instant(rs, "planned_at"),
                Rows.instant(rs, "rendering_at"),
                Rows.instant(rs, "completed_at"));
    }
}
