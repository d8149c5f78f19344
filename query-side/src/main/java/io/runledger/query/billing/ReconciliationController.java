package io.runledger.query.billing;

import java.time.Instant;
import java.util.UUID;

import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.runledger.query.paging.RangeParameters;
import io.runledger.query.paging.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/admin/billing/reconciliation?from=&to=[&orgId=][&asOf=][&format=csv]}: for platform admins,
 * the period's usage from the event store against the read model and what Stripe acknowledged.
 */
@RestController
class ReconciliationController {

    private final Readers readers;
    private final Reconciliation reconciliation;
    private final boolean stripe;

    ReconciliationController(
            Readers readers, Reconciliation reconciliation, @Value("${runledger.stripe.api-key:}") String stripeKey) {
        this.readers = readers;
        this.reconciliation = reconciliation;
        this.stripe = StringUtils.hasText(stripeKey);
    }

    /** @param asOf only events stored before this instant (the store as it was then); now by default */
    @Operation(operationId = "reconcileBilling")
    @ApiResponse(
            responseCode = "200",
            description = "The report; as CSV with format=csv",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = Reconciliation.Report.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @GetMapping("/v1/admin/billing/reconciliation")
    ResponseEntity<?> reconcile(
            @ParameterObject RangeParameters range,
            @RequestParam(required = false) UUID orgId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String format) {
        readers.requirePlatformAdmin();
        if (range.from() == null || range.to() == null) {
            throw QueryProblems.invalidParameter("from and to are required, e.g. from=2026-11-01&to=2026-12-01");
        }
        TimeRange period = range.range();
        Instant asOfInstant =
                asOf == null ? Instant.now() : TimeRange.of("2000-01-01", asOf).to();
        Reconciliation.Report report = reconciliation.report(period.from(), period.to(), asOfInstant, orgId, stripe);
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv")).body(Reconciliation.csv(report));
        }
        return ResponseEntity.ok(report);
    }
}
