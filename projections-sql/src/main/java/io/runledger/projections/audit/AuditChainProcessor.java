package io.runledger.projections.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.runledger.domain.shared.Platform;
import io.runledger.domain.shared.TenantEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the event store in order and links each stored event into its tenant's hash chain ({@link AuditChain}),
 * recording in {@code audit_events} what the audit API filters on. It reads the event's row as stored (the bytes the
 * chain covers), not the message Axon hands it. Never replayed: the chain is the evidence, so a redelivered event
 * (after a crash between write and token) is recognised by its position and left as chained.
 */
@Component
@ProcessingGroup(AuditChainProcessor.PROCESSING_GROUP)
public class AuditChainProcessor {

    public static final String PROCESSING_GROUP = "audit-chain";

    private final JdbcClient jdbc;

    AuditChainProcessor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long sequence, byte[] link) {}

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        AuditStore.Row row = AuditStore.storedRow(jdbc, message.getIdentifier())
                .orElseThrow(() -> new IllegalStateException(
                        "Event " + message.getIdentifier() + " is not in domain_event_entry"));
        UUID orgId = payload instanceof TenantEvent tenantEvent ? tenantEvent.orgId() : Platform.ORG_ID;
        Head head = head(orgId).orElse(new Head(0, AuditChain.genesis()));
        Object actor = message.getMetaData().get("actor");
        jdbc.sql("""
                insert into audit_events (org_id, chain_sequence, global_index, event_id, action, actor, aggregate_type,
                                          aggregate_id, occurred_at, link)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (global_index) do nothing
                """)
                .params(
                        orgId,
                        head.sequence() + 1,
                        row.event().position(),
                        row.event().eventId(),
                        AuditActions.of(row.event().type()),
                        actor == null ? null : actor.toString(),
                        row.aggregateType() == null ? null : row.aggregateType().toLowerCase(Locale.ROOT),
                        row.aggregateType() == null ? null : row.aggregateId(),
                        Timestamp.from(Instant.parse(row.event().timestamp())),
                        AuditChain.link(head.link(), row.event()))
                .update();
    }

    private Optional<Head> head(UUID orgId) {
        return jdbc.sql(
                        "select chain_sequence, link from audit_events where org_id = ? order by chain_sequence desc limit 1")
                .param(orgId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .optional();
    }
}
