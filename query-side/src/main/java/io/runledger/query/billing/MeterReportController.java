package io.runledger.query.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.runledger.query.Rows;
import io.runledger.query.access.Readers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/admin/billing/meter-reports[?orgId=]}: per org, how far usage has been reported to Stripe and
 * what Stripe refused for good, from the reporter's ledger.
 */
@RestController
class MeterReportController {

    private static final int FAILURES_SHOWN = 20;

    private final Readers readers;
    private final JdbcClient jdbc;

    MeterReportController(Readers readers, JdbcClient jdbc) {
        this.readers = readers;
        this.jdbc = jdbc;
    }

    record FailedReport(UUID usageEventId, String meter, BigDecimal quantity, Instant occurredAt, String error) {
    }

    /** @param failures the latest {@value #FAILURES_SHOWN} */
    record OrgReport(UUID orgId, Instant reportedUpTo, long sent, long failed, List<FailedReport> failures) {
    }

    record MeterReports(List<OrgReport> items) {
    }

    @GetMapping("/v1/admin/billing/meter-reports")
    MeterReports reports(@RequestParam(required = false) UUID orgId) {
        readers.requirePlatformAdmin();
        return new MeterReports(jdbc.sql("""
                select org_id, max(occurred_at) filter (where status = 'sent') as reported_up_to,
                       count(*) filter (where status = 'sent') as sent, count(*) filter (where status = 'failed') as failed
                from stripe_meter_events where cast(:org as uuid) is null or org_id = :org
                group by org_id order by org_id
                """).param("org", orgId)
                .query((rs, row) -> new OrgReport(rs.getObject("org_id", UUID.class), Rows.instant(rs, "reported_up_to"),
                        rs.getLong("sent"), rs.getLong("failed"), failures(rs.getObject("org_id", UUID.class))))
                .list());
    }

    private List<FailedReport> failures(UUID orgId) {
        return jdbc.sql("""
                select usage_event_id, meter, quantity, occurred_at, last_error from stripe_meter_events
                where org_id = ? and status = 'failed' order by occurred_at desc, usage_event_id limit ?
                """).params(orgId, FAILURES_SHOWN)
                .query((rs, row) -> new FailedReport(rs.getObject("usage_event_id", UUID.class), rs.getString("meter"),
                        rs.getBigDecimal("quantity"), Rows.instant(rs, "occurred_at"), rs.getString("last_error")))
                .list();
    }
}
