package io.runledger.command.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/admin/billing/meter-reports[?orgId=]}: per org, how far usage has been reported to Stripe and
 * what Stripe refused for good, from the reporter's ledger.
 */
@RestController
record MeterReportController(OrgAccess access, MeterLedger ledger) {

    private static final int FAILURES_SHOWN = 20;

    record FailedReport(
            UUID usageEventId,
            String meter,
            BigDecimal quantity,
            Instant occurredAt,
            @Nullable String error) {}

    /** @param failures the latest {@value #FAILURES_SHOWN} */
    record OrgReport(UUID orgId, @Nullable Instant reportedUpTo, long sent, long failed, List<FailedReport> failures) {}

    record MeterReports(List<OrgReport> items) {}

    @Operation(operationId = "listMeterReports")
    @GetMapping("/v1/admin/billing/meter-reports")
    MeterReports reports(@RequestParam(required = false) UUID orgId) {
        access.requirePlatformAdmin();
        return new MeterReports(ledger.perOrg(orgId).stream()
                .map(org -> new OrgReport(
                        org.orgId(),
                        org.reportedUpTo(),
                        org.sent(),
                        org.failed(),
                        ledger.latestFailures(org.orgId(), FAILURES_SHOWN).stream()
                                .map(entry -> new FailedReport(
                                        entry.usageEventId(),
                                        entry.meter(),
                                        entry.quantity(),
                                        entry.occurredAt(),
                                        entry.error()))
                                .toList()))
                .toList());
    }
}
