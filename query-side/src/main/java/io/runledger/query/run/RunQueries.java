package io.runledger.query.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.runledger.query.Rows;
import io.runledger.query.paging.Keyset;
import io.runledger.query.paging.Page;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** Runs of one org, with their outputs, read under the tenant's row-level security. */
@Component
public record RunQueries(TenantReads reads) {

    public record RunView(
            UUID id,
            @Schema(example = "succeeded") String status,
            UUID patternId,
            @Schema(example = "summarize") @Nullable String pattern,
            @Schema(example = "text") String inputSource,
            @Schema(example = "1840") @Nullable Integer inputChars,
            @Schema(example = "map-reduce") @Nullable String strategy,
            UUID userId,
            Instant queuedAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String error,
            @Schema(example = "1") int attempt,
            @Nullable String requestId,
            @Nullable String idempotencyKey,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    nullable = true,
                                    description = "The run's outputs; null in lists, which leave them to the"
                                            + " run's own answer"))
            List<OutputView> outputs) {}

    public record OutputView(
            UUID id,
            @Nullable String content,
            @Nullable String contentUrl,
            @Nullable String summary,
            List<String> keywords,
            Map<String, Object> metadata,
            Instant createdAt) {}

    /** @param pattern a pattern's name or id; null for all */
    public Page<RunView> list(UUID orgId, String status, String pattern, TimeRange range, Keyset.Position position) {
        return reads.read(
                orgId,
                sql -> Keyset.page(
                        sql.sql("""
                select r.*, p.name as pattern_name from runs r left join patterns p on p.id = r.pattern_id
                where r.org_id = :org and r.queued_at >= :from and r.queued_at < :to
                  and (cast(:status as text) is null or r.status = :status)
                  and (cast(:pattern as text) is null or p.name = :pattern or r.pattern_id::text = :pattern)
                  and %s
                order by r.queued_at desc, r.id desc
                limit :limit
                """.formatted(position.after("r.queued_at", "r.id")))
                                .param("org", orgId)
                                .param("from", Rows.timestamp(range.from()))
                                .param("to", Rows.timestamp(range.to()))
                                .param("status", status)
                                .param("pattern", pattern),
                        position,
                        (rs, row) -> run(rs, null),
                        run -> new Keyset.Key(run.queuedAt(), run.id())));
    }

    public Optional<RunView> one(UUID orgId, UUID runId) {
        return Optional.ofNullable(some(orgId, Set.of(runId)).get(runId));
    }

    /** The readable ones of these runs with their outputs, by id: two queries in one tenant transaction. */
    public Map<UUID, RunView> some(UUID orgId, Collection<UUID> runIds) {
        String ids = Rows.uuidArray(runIds);
        return reads.read(orgId, sql -> {
            Map<UUID, List<OutputView>> outputs = new HashMap<>();
            sql.sql("""
                    select * from outputs where org_id = ? and run_id = any(cast(? as uuid[])) order by created_at, id
                    """).params(orgId, ids).query(rs -> {
                outputs.computeIfAbsent(rs.getObject("run_id", UUID.class), run -> new ArrayList<>())
                        .add(output(rs));
            });
            return sql
                    .sql("""
                    select r.*, p.name as pattern_name from runs r left join patterns p on p.id = r.pattern_id
                    where r.org_id = ? and r.id = any(cast(? as uuid[]))
                    """)
                    .params(orgId, ids)
                    .query((rs, row) -> run(rs, outputs.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                    .stream()
                    .collect(Collectors.toMap(RunView::id, run -> run));
        });
    }

    private static OutputView output(ResultSet rs) throws SQLException {
        return new OutputView(
                rs.getObject("id", UUID.class),
                rs.getString("content"),
                rs.getString("content_url"),
                rs.getString("summary"),
                Arrays.asList((String[]) rs.getArray("keywords").getArray()),
                Rows.jsonObject(rs, "metadata"),
                Rows.instant(rs, "created_at"));
    }

    private static RunView run(ResultSet rs, List<OutputView> outputs) throws SQLException {
        return new RunView(
                rs.getObject("id", UUID.class),
                rs.getString("status"),
                rs.getObject("pattern_id", UUID.class),
                rs.getString("pattern_name"),
                rs.getString("input_source"),
                (Integer) rs.getObject("input_chars"),
                rs.getString("strategy"),
                rs.getObject("user_id", UUID.class),
                Rows.instant(rs, "queued_at"),
                Rows.instant(rs, "started_at"),
                Rows.instant(rs, "finished_at"),
                rs.getString("error"),
                rs.getInt("attempt"),
                rs.getString("request_id"),
                rs.getString("idempotency_key"),
                outputs);
    }
}
