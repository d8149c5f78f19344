package io.runledger.query.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.query.Rows;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.tenant.TenantReads;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** An org's dashboard over a period: runs by status and timing per pattern, generations and rendering. */
@Component
public record DashboardQueries(TenantReads reads) {

    /** Seconds; null where no run of the pattern got that far. */
    public record PatternTiming(
            UUID patternId,
            @Nullable String pattern,
            long runs,
            @Nullable Double queueWaitP50,
            @Nullable Double queueWaitP95,
            @Nullable Double processingP50,
            @Nullable Double processingP95) {}

    public record Generations(
            long completed,
            long failed,
            @Nullable Double renderSecondsAvg,
            @Nullable Double renderSecondsP95,
            BigDecimal bytesRendered) {}

    /** @param successRate succeeded / (succeeded + failed) of the period's runs; null before any finished */
    public record Dashboard(
            Instant from,
            Instant to,
            Map<String, Long> runsByStatus,
            @Nullable Double successRate,
            List<PatternTiming> patterns,
            Generations generations) {}

    public Dashboard dashboard(UUID orgId, TimeRange range) {
        Object[] period = {orgId, Rows.timestamp(range.from()), Rows.timestamp(range.to())};
        return reads.read(orgId, sql -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (String status : List.of("queued", "processing", "succeeded", "failed")) {
                byStatus.put(status, 0L);
            }
            sql.sql("""
                    select status, count(*) as runs from runs where org_id = ? and queued_at >= ? and queued_at < ?
                    group by status
                    """)
                    .params(period)
                    .query((rs, row) -> byStatus.put(rs.getString("status"), rs.getLong("runs")))
                    .list();
            long finished = byStatus.get("succeeded") + byStatus.get("failed");
            List<PatternTiming> patterns = sql.sql("""
                    select r.pattern_id, p.name, count(*) as runs,
                           percentile_cont(0.5) within group (order by extract(epoch from r.started_at - r.queued_at)) as wait_p50,
                           percentile_cont(0.95) within group (order by extract(epoch from r.started_at - r.queued_at)) as wait_p95,
                           percentile_cont(0.5) within group (order by extract(epoch from r.finished_at - r.started_at)) as work_p50,
                           percentile_cont(0.95) within group (order by extract(epoch from r.finished_at - r.started_at)) as work_p95
                    from runs r left join patterns p on p.id = r.pattern_id
                    where r.org_id = ? and r.queued_at >= ? and r.queued_at < ?
                    group by r.pattern_id, p.name order by count(*) desc, p.name
                    """)
                    .params(period)
                    .query((rs, row) -> new PatternTiming(
                            rs.getObject("pattern_id", UUID.class),
                            rs.getString("name"),
                            rs.getLong("runs"),
                            (Double) rs.getObject("wait_p50"),
                            (Double) rs.getObject("wait_p95"),
                            (Double) rs.getObject("work_p50"),
                            (Double) rs.getObject("work_p95")))
                    .list();
            Generations generations = sql.sql("""
                    select count(*) filter (where status = 'completed') as completed,
                           count(*) filter (where status = 'failed') as failed,
                           avg(render_time_seconds)::float8 as render_avg,
                           percentile_cont(0.95) within group (order by render_time_seconds) as render_p95,
                           coalesce(sum(file_size), 0) as bytes
                    from generations where organization_id = ? and created_at >= ? and created_at < ?
                    """)
                    .params(period)
                    .query((rs, row) -> new Generations(
                            rs.getLong("completed"),
                            rs.getLong("failed"),
                            (Double) rs.getObject("render_avg"),
                            (Double) rs.getObject("render_p95"),
                            rs.getBigDecimal("bytes")))
                    .single();
            return new Dashboard(
                    range.from(),
                    range.to(),
                    byStatus,
                    finished == 0 ? null : (double) byStatus.get("succeeded") / finished,
                    patterns,
                    generations);
        });
    }
}
