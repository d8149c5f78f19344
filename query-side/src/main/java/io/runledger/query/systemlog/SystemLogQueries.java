package io.runledger.query.systemlog;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.runledger.query.Rows;
import io.runledger.query.paging.Keyset;
import io.runledger.query.paging.Page;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.tenant.TenantReads;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The org's system log, newest first in the event store's order (so the events of one command read in the order
 * they were recorded, however close their times), read under the tenant's row-level security.
 */
@Component
public record SystemLogQueries(TenantReads reads) {

    public record LogEntry(
            UUID id,
            long globalIndex,
            Instant createdAt,
            String actionType,
            String status,
            String severity,
            String message,
            @Nullable String errorMessage,
            @Nullable UUID userId,
            @Nullable UUID projectId,
            @Nullable UUID generationId,
            @Nullable Map<String, Object> details) {}

    public record Filter(String severity, String actionType, UUID projectId, UUID generationId, TimeRange range) {}

    public Page<LogEntry> entries(UUID orgId, Filter filter, Keyset.StorePosition position) {
        return reads.read(
                orgId,
                sql -> Keyset.page(
                        sql.sql("""
                select * from system_logs
                where organization_id = :org and created_at >= :from and created_at < :to
                  and (cast(:severity as text) is null or severity = :severity)
                  and (cast(:actionType as text) is null or action_type = :actionType)
                  and (cast(:project as uuid) is null or project_id = :project)
                  and (cast(:generation as uuid) is null or generation_id = :generation)
                  and %s
                order by global_index desc limit :limit
                """.formatted(position.after("global_index")))
                                .param("org", orgId)
                                .param("from", Rows.timestamp(filter.range().from()))
                                .param("to", Rows.timestamp(filter.range().to()))
                                .param("severity", filter.severity())
                                .param("actionType", filter.actionType())
                                .param("project", filter.projectId())
                                .param("generation", filter.generationId()),
                        position,
                        (rs, row) -> new LogEntry(
                                rs.getObject("id", UUID.class),
                                rs.getLong("global_index"),
                                Rows.instant(rs, "created_at"),
                                rs.getString("action_type"),
                                rs.getString("status"),
                                rs.getString("severity"),
                                rs.getString("message"),
                                rs.getString("error_message"),
                                rs.getObject("user_id", UUID.class),
                                rs.getObject("project_id", UUID.class),
                                rs.getObject("generation_id", UUID.class),
                                Rows.jsonObject(rs, "details")),
                        LogEntry::globalIndex));
    }
}
