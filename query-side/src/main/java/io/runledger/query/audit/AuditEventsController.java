package io.runledger.query.audit;

import java.io.IOException;
import java.util.UUID;

import io.runledger.projections.audit.AuditTrail;
import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.runledger.query.paging.Keyset;
import io.runledger.query.paging.Page;
import io.runledger.query.paging.PageParameters;
import io.runledger.query.paging.RangeParameters;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/orgs/{orgId}/audit-events} and its {@code /export}: the org's history as the event store holds it,
 * for its owners and admins (docs/audit.md).
 */
@RestController
record AuditEventsController(Readers readers, TenantReads reads, AuditTrail trail, AuditExports exports) {

    /**
     * @param actor  an actor id ({@code <user id>}, {@code apikey:<key id>}, {@code worker:<name>}, {@code system})
     * @param action an event type as a dotted name ({@code run.queued})
     * @param target {@code <type>} or {@code <type>:<id>}, the type as items name it ({@code run})
     */
    @Operation(operationId = "listAuditEvents")
    @GetMapping("/v1/orgs/{orgId}/audit-events")
    Page<AuditTrail.Entry> events(
            @PathVariable UUID orgId,
            @ParameterObject RangeParameters period,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String target,
            @ParameterObject PageParameters page) {
        readers.requireAdmin(orgId);
        TimeRange range = period.range();
        Keyset.StorePosition position = page.storePosition();
        String targetType = target == null ? null : target.split(":", 2)[0];
        String targetId = target == null || !target.contains(":") ? null : target.split(":", 2)[1];
        if (target != null && (targetType.isBlank() || (targetId != null && targetId.isBlank()))) {
            throw QueryProblems.invalidParameter("target must be <type> or <type>:<id>, such as run:3f1c…");
        }
        AuditTrail.Filter filter = new AuditTrail.Filter(range.from(), range.to(), actor, action, targetType, targetId);
        return reads.read(
                orgId,
                sql -> Keyset.page(
                        trail.page(sql, orgId, filter, position.before(), position.limit() + 1),
                        position,
                        AuditTrail.Entry::position));
    }

    /**
     * The whole range, in chain order, written as the database streams it. Written on the request's thread rather
     * than as an asynchronous body, so a long export is not cut at the servlet container's async timeout.
     */
    @Operation(operationId = "exportAuditEvents")
    @ApiResponse(
            responseCode = "200",
            description = "Every event of the range, one a line (ndjson) or a row (csv)",
            content = {
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @GetMapping("/v1/orgs/{orgId}/audit-events/export")
    void export(
            @PathVariable UUID orgId,
            @ParameterObject RangeParameters period,
            @RequestParam(defaultValue = "ndjson") String format,
            HttpServletResponse response)
            throws IOException {
        readers.requireAdmin(orgId);
        TimeRange range = period.range();
        AuditExportFormat exportFormat = AuditExportFormat.of(format);
        response.setContentType(exportFormat.contentType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit-" + orgId + "." + exportFormat.extension + "\"");
        exports.write(orgId, range, exportFormat, response.getOutputStream());
    }
}
