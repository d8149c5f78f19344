package io.runledger.query.dashboard;

import java.time.Clock;
import java.util.UUID;

import io.runledger.query.access.Readers;
import io.runledger.query.paging.RangeParameters;
import io.runledger.query.usage.UsageQueries;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/orgs/{orgId}/dashboard} and {@code …/usage} over {@code from}–{@code to} (the last 30 days by default). */
@RestController
@RequestMapping("/v1/orgs/{orgId}")
record DashboardQueryController(Readers readers, DashboardQueries dashboards, UsageQueries usage, Clock clock) {

    @Operation(operationId = "getDashboard")
    @GetMapping("/dashboard")
    DashboardQueries.Dashboard dashboard(@PathVariable UUID orgId, @ParameterObject RangeParameters period) {
        readers.requireReader(orgId);
        return dashboards.dashboard(orgId, period.period());
    }

    /** Per UTC day and event type, totals, and today's use of the plan's limits. */
    @Operation(operationId = "getUsage")
    @GetMapping("/usage")
    UsageQueries.Usage usage(@PathVariable UUID orgId, @ParameterObject RangeParameters period) {
        readers.requireReader(orgId);
        return usage.usage(orgId, period.period(), clock.instant());
    }
}
