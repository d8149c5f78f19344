package io.runledger.command.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the ledger of what was reported to Stripe ({@code stripe_meter_events}, written by
 * {@link StripeMeterReporter}): for operators, and for the reconciliation, which compares it with the store.
 */
@Component
public record MeterLedger(JdbcClient jdbc) {

    /** @param reportedUpTo when the latest usage Stripe acknowledged happened; null when none was */
    public record OrgLedger(UUID orgId, Instant reportedUpTo, long sent, long failed) {}

    /** @param status sent or failed; {@code error} is Stripe's last refusal */
    public record Entry(
            UUID usageEventId,
            UUID orgId,
            String meter,
            BigDecimal quantity,
            Instant occurredAt,
            String status,
            String error) {}

    /** @param orgId null for every org */
    public List<OrgLedger> perOrg(UUID orgId) {
        return jdbc.sql("""
                select org_id, max(occurred_at) filter (where status = 'sent') as reported_up_to,
                       count(*) filter (where status = 'sent') as sent, count(*) filter (where status = 'failed') as failed
                from stripe_meter_events where cast(:org as uuid) is null or org_id = :org
                group by org_id order by org_id
                """)
                .param("org", orgId)
                .query((rs, row) -> new OrgLedger(
                        rs.getObject("org_id", UUID.class),
                        instant(rs, "reported_up_to"),
                        rs.getLong("sent"),
                        rs.getLong("failed")))
                .list();
    }

    /** The org's latest refusals, newest first. */
    public List<Entry> latestFailures(UUID orgId, int limit) {
        return jdbc.sql("""
                select * from stripe_meter_events
                where org_id = ? and status = 'failed' order by occurred_at desc, usage_event_id limit ?
                """).params(orgId, limit).query(MeterLedger::entry).list();
    }

    /** What happened in {@code [from, to)} and before {@code asOf}, in the order of the usage events' ids. */
    public List<Entry> between(Instant from, Instant to, Instant asOf, UUID orgId) {
        return jdbc.sql("""
                select * from stripe_meter_events
                where occurred_at >= :from and occurred_at < :to and occurred_at < :asOf
                  and (cast(:org as uuid) is null or org_id = :org)
                order by usage_event_id
                """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("asOf", Timestamp.from(asOf))
                .param("org", orgId)
                .query(MeterLedger::entry)
                .list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getObject("usage_event_id", UUID.class),
                rs.getObject("org_id", UUID.class),
                rs.getString("meter"),
                rs.getBigDecimal("quantity"),
                instant(rs, "occurred_at"),
                rs.getString("status"),
                rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
