package io.runledger.query.systemlog;

import java.util.Set;
import java.util.UUID;

import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.runledger.query.paging.Page;
import io.runledger.query.paging.PageParameters;
import io.runledger.query.paging.RangeParameters;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/orgs/{orgId}/system-logs}: what happened in the org, one entry per event, for any member. */
@RestController
record SystemLogQueryController(Readers readers, SystemLogQueries logs) {

    private static final Set<String> SEVERITIES = Set.of("debug", "info", "warning", "error");

    /** @param actionType the event, in snake case ({@code run_failed}) */
    @Operation(operationId = "listSystemLogs")
    @GetMapping("/v1/orgs/{orgId}/system-logs")
    Page<SystemLogQueries.LogEntry> entries(
            @PathVariable UUID orgId,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String actionType,
            @RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) UUID generationId,
            @ParameterObject RangeParameters range,
            @ParameterObject PageParameters page) {
        readers.requireReader(orgId);
        QueryProblems.requireOneOf("severity", severity, SEVERITIES);
        return logs.entries(
                orgId,
                new SystemLogQueries.Filter(severity, actionType, projectId, generationId, range.range()),
                page.storePosition());
    }
}
