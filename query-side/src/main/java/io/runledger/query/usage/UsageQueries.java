package io.runledger.query.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.query.Rows;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.tenant.TenantReads;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** An org's usage over a period, per UTC day and event type, and where it stands against its plan today. */
@Component
public record UsageQueries(TenantReads reads) {

    public record DayUsage(LocalDate day, String eventType, BigDecimal quantity, long events) {}

    public record LimitUse(String limit, int allowed, long used, Instant resetsAt) {}

    public record Usage(
            Instant from,
            Instant to,
            List<DayUsage> byDay,
            Map<String, BigDecimal> totals,
            @Nullable String plan,
            @Nullable String subscriptionStatus,
            List<LimitUse> limits) {}

    public Usage usage(UUID orgId, TimeRange range, Instant now) {
        return reads.read(orgId, sql -> {
            List<DayUsage> byDay = sql.sql("""
                    select (created_at at time zone 'UTC')::date as day, event_type, sum(quantity) as quantity, count(*) as events
                    from usage_events where org_id = ? and created_at >= ? and created_at < ?
                    group by 1, 2 order by 1, 2
                    """)
                    .params(orgId, Rows.timestamp(range.from()), Rows.timestamp(range.to()))
                    .query((rs, row) -> new DayUsage(
                            rs.getObject("day", LocalDate.class),
                            rs.getString("event_type"),
                            rs.getBigDecimal("quantity"),
                            rs.getLong("events")))
                    .list();
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            byDay.forEach(day -> totals.merge(day.eventType(), day.quantity(), BigDecimal::add));
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            Instant tomorrow = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant nextMonth = today.withDayOfMonth(1)
                    .plusMonths(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            return sql.sql("""
                    select o.subscription_plan, o.subscription_status, p.limits ->> 'max_runs_per_day' as max_runs_per_day,
                           o.generations_limit,
                           case when o.generations_month = date_trunc('month', ?::timestamptz at time zone 'UTC')::date
                                then o.generations_this_month else 0 end as generations_this_month,
                           (select count(*) from usage_events u where u.org_id = o.id and u.event_type = 'run.created'
                              and u.created_at >= ?) as runs_today
                    from orgs o left join plans p on p.id = o.subscription_plan where o.id = ?
                    """)
                    .params(
                            Rows.timestamp(now),
                            Rows.timestamp(today.atStartOfDay(ZoneOffset.UTC).toInstant()),
                            orgId)
                    .query((rs, row) -> new Usage(
                            range.from(),
                            range.to(),
                            byDay,
                            totals,
                            rs.getString("subscription_plan"),
                            rs.getString("subscription_status"),
                            List.of(
                                    new LimitUse(
                                            "max_runs_per_day",
                                            rs.getInt("max_runs_per_day"),
                                            rs.getLong("runs_today"),
                                            tomorrow),
                                    new LimitUse(
                                            "generations_per_month",
                                            rs.getInt("generations_limit"),
                                            rs.getLong("generations_this_month"),
                                            nextMonth))))
                    .optional()
                    .orElse(new Usage(range.from(), range.to(), byDay, totals, null, null, List.of()));
        });
    }
}
