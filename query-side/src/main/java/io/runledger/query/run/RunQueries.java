package io.runledger.query.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.runledger.query.Rows;
import io.runledger.query.paging.Keyset;
import io.runledger.query.paging.Page;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.tenant.TenantReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Runs of one org, with their outputs, read under the tenant's row-level security. */
@Component
public class RunQueries {

    private final TenantReads reads;

    RunQueries(TenantReads reads) {
        this.reads = reads;
    }

    public record RunView(UUID id, String status, UUID patternId, String pattern, String inputSource, Integer inputChars,
                          String strategy, UUID userId, Instant queuedAt, Instant startedAt, Instant finishedAt, String error,
                          int attempt, String requestId, String idempotencyKey, List<OutputView> outputs) {
    }

    public record OutputView(UUID id, String content, String contentUrl, String summary, List<String> keywords,
                             Map<String, Object> metadata, Instant createdAt) {
    }

    /** @param pattern a pattern's name or id; null for all */
    public Page<RunView> list(UUID orgId, String status, String pattern, TimeRange range, Keyset.Position position) {
        return reads.read(orgId, sql -> Keyset.page(sql.sql("""
                select r.*, p.name as pattern_name from runs r left join patterns p on p.id = r.pattern_id
                where r.org_id = :org and r.queued_at >= :from and r.queued_at < :to
                  and (cast(:status as text) is null or r.status = :status)
                  and (cast(:pattern as text) is null or p.name = :pattern or r.pattern_id::text = :pattern)
                  and %s
                order by r.queued_at desc, r.id desc
                limit :limit
                """.formatted(position.after("r.queued_at", "r.id")))
                .param("org", orgId).param("from", Rows.timestamp(range.from()))
                .param("to", Rows.timestamp(range.to())).param("status", status).param("pattern", pattern)
                .param("cursorTime", Rows.timestamp(position.time()))
                .param("cursorId", position.id()).param("limit", position.limit() + 1)
                .query((rs, row) -> run(rs, null)).list(), position, run -> new Keyset.Key(run.queuedAt(), run.id())));
    }

    public Optional<RunView> one(UUID orgId, UUID runId) {
        return reads.read(orgId, sql -> sql.sql("""
                select r.*, p.name as pattern_name from runs r left join patterns p on p.id = r.pattern_id
                where r.org_id = ? and r.id = ?
                """).params(orgId, runId).query((rs, row) -> run(rs, outputs(sql, orgId, runId))).optional());
    }

    private List<OutputView> outputs(JdbcClient sql, UUID orgId, UUID runId) {
        return sql.sql("select * from outputs where org_id = ? and run_id = ? order by created_at, id").params(orgId, runId)
                .query((rs, row) -> new OutputView(rs.getObject("id", UUID.class), rs.getString("content"),
                        rs.getString("content_url"), rs.getString("summary"),
                        Arrays.asList((String[]) rs.getArray("keywords").getArray()), Rows.jsonObject(rs, "metadata"),
                        Rows.instant(rs, "created_at")))
                .list();
    }

    private static RunView run(ResultSet rs, List<OutputView> outputs) throws SQLException {
        return new RunView(rs.getObject("id", UUID.class), rs.getString("status"), rs.getObject("pattern_id", UUID.class),
                rs.getString("pattern_name"), rs.getString("input_source"), (Integer) rs.getObject("input_chars"),
                rs.getString("strategy"), rs.getObject("user_id", UUID.class), Rows.instant(rs, "queued_at"),
                Rows.instant(rs, "started_at"), Rows.instant(rs, "finished_at"), rs.getString("error"), rs.getInt("attempt"),
                rs.getString("request_id"), rs.getString("idempotency_key"), outputs);
    }
}
