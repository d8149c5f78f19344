package io.runledger.projections.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.runledger.domain.shared.Platform;
import io.runledger.domain.shared.TenantEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the event store in order and links each stored event into its tenant's hash chain ({@link AuditChain}),
 * recording in {@code audit_events} what the audit API filters on. It reads the event's row as stored (the bytes the
 * chain covers), not the message Axon hands it. Never replayed: the chain is the evidence, so a redelivered event
 * (after a crash between write and token) is recognised as already chained and left as it is.
 *
 * <p>A batch of events costs a few statements rather than three per event ({@link Batch}): the stored rows are read
 * ahead, a tenant's head is read once and then carried along, and the rows are inserted as the batch commits.
 */
@Component
@ProcessingGroup(AuditChainProcessor.PROCESSING_GROUP)
public record AuditChainProcessor(JdbcClient jdbc, JdbcTemplate batches) {

    public static final String PROCESSING_GROUP = "audit-chain";

    /** stored rows read ahead at once: a few reads per batch, none of them large */
    private static final int READ_AHEAD = 100;

    private static final String INSERT = """
            insert into audit_events (org_id, chain_sequence, global_index, event_id, action, actor, aggregate_type,
                                      aggregate_id, occurred_at, link)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String STORED = "select " + AuditStore.STORED_COLUMNS
            + ", exists (select 1 from audit_events a where a.global_index = d.global_index) as chained"
            + " from domain_event_entry d ";

    private record Head(long sequence, byte[] link) {}

    private record Stored(AuditStore.Row row, boolean chained) {}

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        Batch batch = batch();
        Stored stored = batch.stored(message.getIdentifier(), token);
        if (stored.chained()) {
            return;
        }
        AuditStore.Row row = stored.row();
        UUID orgId = payload instanceof TenantEvent tenantEvent ? tenantEvent.orgId() : Platform.ORG_ID;
        Head head = batch.head(orgId);
        Head next = new Head(head.sequence() + 1, AuditChain.link(head.link(), row.event()));
        Object actor = message.getMetaData().get("actor");
        batch.insert(orgId, next, new Object[] {
            orgId,
            next.sequence(),
            row.event().position(),
            row.event().eventId(),
            AuditActions.of(row.event().type()),
            actor == null ? null : actor.toString(),
            row.aggregateType() == null ? null : row.aggregateType().toLowerCase(Locale.ROOT),
            row.aggregateType() == null ? null : row.aggregateId(),
            Timestamp.from(Instant.parse(row.event().timestamp())),
            next.link()
        });
    }

    /** The chaining of the batch at hand (Axon handles every event in a unit of work), sent as it commits. */
    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(Batch.class.getName(), key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(committing -> batch.send());
            return batch;
        });
    }

    /**
     * One batch's chaining. The stored rows are read ahead from the position of the event at hand, since a batch's
     * events mostly follow each other in the store; one that does not (an event that filled a gap) is read alone.
     * Each tenant's head is read once and advanced in memory by each event chained. The inserts have no
     * {@code on conflict}: an event chained meanwhile by another transaction fails the batch, which Axon retries,
     * and the retry sees it chained; skipping it silently would chain the batch's later events on a wrong head.
     */
    private final class Batch {

        private final Map<String, Stored> readAhead = new HashMap<>();
        private final Map<UUID, Head> heads = new HashMap<>();
        private final List<Object[]> inserts = new ArrayList<>();

        Stored stored(String eventId, TrackingToken token) {
            Stored stored = readAhead.remove(eventId);
            if (stored == null && token != null && token.position().isPresent()) {
                jdbc.sql(STORED + "where d.global_index >= ? order by d.global_index limit ?")
                        .params(token.position().getAsLong(), READ_AHEAD)
                        .query(AuditChainProcessor::stored)
                        .list()
                        .forEach(ahead -> readAhead.put(ahead.row().event().eventId(), ahead));
                stored = readAhead.remove(eventId);
            }
            if (stored == null) {
                stored = jdbc.sql(STORED + "where d.event_identifier = ?")
                        .param(eventId)
                        .query(AuditChainProcessor::stored)
                        .optional()
                        .orElseThrow(
                                () -> new IllegalStateException("Event " + eventId + " is not in domain_event_entry"));
            }
            return stored;
        }

        Head head(UUID orgId) {
            return heads.computeIfAbsent(orgId, org -> storedHead(org).orElse(new Head(0, AuditChain.genesis())));
        }

        void insert(UUID orgId, Head next, Object[] row) {
            inserts.add(row);
            heads.put(orgId, next);
        }

        void send() {
            batches.batchUpdate(INSERT, inserts);
        }
    }

    /** A row of {@link #STORED}. */
    private static Stored stored(ResultSet rs, int rowNumber) throws SQLException {
        return new Stored(AuditStore.row(rs), rs.getBoolean("chained"));
    }

    private Optional<Head> storedHead(UUID orgId) {
        return jdbc.sql(
                        "select chain_sequence, link from audit_events where org_id = ? order by chain_sequence desc limit 1")
                .param(orgId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .optional();
    }
}
