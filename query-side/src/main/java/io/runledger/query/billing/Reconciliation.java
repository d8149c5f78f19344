package io.runledger.query.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.runledger.query.Rows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Does what we billed match what happened? Reads {@code UsageRecorded} straight from the event store for a
 * period (optionally as the store stood at an instant), totals it per org and meter, and compares every event
 * with the {@code usage_events} read model and with the ledger of meter events Stripe acknowledged, and each
 * total with Stripe's own meter summary when Stripe is configured. The
 * database does the scanning and grouping, so the store is streamed, never loaded; every list is in a fixed
 * order, so the same inputs give byte-identical reports.
 */
@Component
public class Reconciliation {

    /** The period's usage events in the store: id, org, meter code, quantity. */
    private static final String STORE = """
            with store as (
                select e.event_identifier::uuid as id, (p ->> 'orgId')::uuid as org_id,
                       lower(replace(p ->> 'meter', '_', '.')) as meter, (p ->> 'quantity')::numeric as quantity
                from domain_event_entry e
                cross join lateral (select convert_from(e.payload, 'UTF8')::jsonb as p) payload
                where e.payload_type = 'io.runledger.domain.run.UsageRecorded'
                  and e.time_stamp::timestamptz >= :from and e.time_stamp::timestamptz < :to
                  and e.time_stamp::timestamptz < :asOf
                  and (cast(:org as uuid) is null or (p ->> 'orgId')::uuid = :org)
            ), model as (
                select id, org_id, event_type as meter, quantity from usage_events
                where created_at >= :from and created_at < :to and created_at < :asOf
                  and (cast(:org as uuid) is null or org_id = :org)
            ), ledger as (
                select usage_event_id as id, org_id, meter, quantity, status from stripe_meter_events
                where occurred_at >= :from and occurred_at < :to and occurred_at < :asOf
                  and (cast(:org as uuid) is null or org_id = :org)
            )
            """;

    private final JdbcClient jdbc;
    private final ObjectProvider<StripeMeterTotals> stripeTotals;

    Reconciliation(JdbcClient jdbc, ObjectProvider<StripeMeterTotals> stripeTotals) {
        this.jdbc = jdbc;
        this.stripeTotals = stripeTotals;
    }

    /**
     * @param reportedToStripe sum of the ledger's acknowledged meter events; null when Stripe is not used
     * @param stripeSummary    Stripe's own meter summary for the org; null when Stripe is not used or has none
     */
    public record Line(UUID orgId, String meter, long events, BigDecimal eventStore, BigDecimal readModel,
                       BigDecimal reportedToStripe, BigDecimal stripeSummary, boolean matches) {
    }

    /**
     * @param kind missing_in_read_model, unknown_in_read_model, quantity_mismatch, not_reported_to_stripe,
     *             unknown_in_stripe_ledger
     */
    public record Discrepancy(String kind, UUID orgId, String meter, UUID eventId, BigDecimal eventStore,
                              BigDecimal other) {
    }

    public record Report(Instant from, Instant to, Instant asOf, UUID orgId, boolean stripe, List<Line> lines,
                         List<Discrepancy> discrepancies) {
    }

    /** One snapshot for the whole report: every part sees the same database. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report report(Instant from, Instant to, Instant asOf, UUID orgId, boolean stripe) {
        // each source totalled on its own, so what was billed counts even where no event backs it
        List<Line> lines = query(STORE + """
                select org_id, meter, sum(events) as events, sum(event_store) as event_store,
                       sum(read_model) as read_model, sum(reported) as reported
                from (
                    select org_id, meter, count(*) as events, sum(quantity) as event_store, 0 as read_model, 0 as reported
                    from store group by 1, 2
                    union all
                    select org_id, meter, 0, 0, sum(quantity), 0 from model group by 1, 2
                    union all
                    select org_id, meter, 0, 0, 0, sum(quantity) from ledger where status = 'sent' group by 1, 2
                ) per_source
                group by 1, 2 order by 1, 2
                """, from, to, asOf, orgId).query((rs, row) -> {
                    BigDecimal store = rs.getBigDecimal("event_store");
                    BigDecimal model = rs.getBigDecimal("read_model");
                    BigDecimal reported = stripe ? rs.getBigDecimal("reported") : null;
                    UUID org = rs.getObject("org_id", UUID.class);
                    String meter = rs.getString("meter");
                    BigDecimal summary = stripe ? Optional.ofNullable(stripeTotals.getIfAvailable())
                            .flatMap(totals -> totals.total(org, meter, from, to)).orElse(null) : null;
                    return new Line(org, meter, rs.getLong("events"), store, model, reported, summary,
                            agree(store, model) && agree(store, reported) && agree(store, summary));
                }).list();
        List<Discrepancy> discrepancies = query(STORE + """
                select 'missing_in_read_model' as kind, s.org_id, s.meter, s.id, s.quantity as event_store, null::numeric as other
                from store s where not exists (select 1 from model m where m.id = s.id)
                union all
                select 'unknown_in_read_model', m.org_id, m.meter, m.id, null, m.quantity
                from model m where not exists (select 1 from store s where s.id = m.id)
                union all
                select 'quantity_mismatch', s.org_id, s.meter, s.id, s.quantity, m.quantity
                from store s join model m on m.id = s.id
                where m.quantity <> s.quantity or m.meter <> s.meter or m.org_id <> s.org_id
                union all
                select 'not_reported_to_stripe', s.org_id, s.meter, s.id, s.quantity, l.quantity
                from store s left join ledger l on l.id = s.id
                where :stripe and (l.id is null or l.status <> 'sent')
                union all
                select 'unknown_in_stripe_ledger', l.org_id, l.meter, l.id, null, l.quantity
                from ledger l where :stripe and not exists (select 1 from store s where s.id = l.id)
                order by 2, 3, 1, 4
                """, from, to, asOf, orgId).param("stripe", stripe)
                .query((rs, row) -> new Discrepancy(rs.getString("kind"), rs.getObject("org_id", UUID.class),
                        rs.getString("meter"), rs.getObject("id", UUID.class), rs.getBigDecimal("event_store"),
                        rs.getBigDecimal("other")))
                .list();
        return new Report(from, to, asOf, orgId, stripe, lines, discrepancies);
    }

    /** A source that is not in use (null) disagrees with nothing. */
    private static boolean agree(BigDecimal store, BigDecimal other) {
        return other == null || store.compareTo(other) == 0;
    }

    /** The report as CSV: a {@code total} row per org and meter, then a {@code discrepancy} row per event. */
    public static String csv(Report report) {
        StringBuilder csv = new StringBuilder("row,org_id,meter,event_id,events,event_store,read_model,reported_to_stripe,stripe_summary,result\n");
        for (Line line : report.lines()) {
            csv.append(String.join(",", "total", line.orgId().toString(), line.meter(), "", String.valueOf(line.events()),
                    plain(line.eventStore()), plain(line.readModel()), plain(line.reportedToStripe()),
                    plain(line.stripeSummary()), line.matches() ? "match" : "mismatch")).append('\n');
        }
        for (Discrepancy discrepancy : report.discrepancies()) {
            boolean aboutStripe = discrepancy.kind().contains("stripe");
            csv.append(String.join(",", "discrepancy", discrepancy.orgId().toString(), discrepancy.meter(),
                    discrepancy.eventId().toString(), "", plain(discrepancy.eventStore()),
                    aboutStripe ? "" : plain(discrepancy.other()), aboutStripe ? plain(discrepancy.other()) : "", "",
                    discrepancy.kind())).append('\n');
        }
        return csv.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private JdbcClient.StatementSpec query(String sql, Instant from, Instant to, Instant asOf, UUID orgId) {
        return jdbc.sql(sql).param("from", Rows.timestamp(from)).param("to", Rows.timestamp(to))
                .param("asOf", Rows.timestamp(asOf)).param("org", orgId);
    }
}
