package io.runledger.projections.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * A tenant's audit trail as the event store holds it: {@code audit_events} finds the tenant's events and their
 * order, every item's content (who, from where, what) comes from the stored event itself, read back through the
 * event serializer as the application reads its events. Call within a tenant-scoped read (the query side's
 * {@code TenantReads}): row-level security then admits the tenant's events only.
 */
@Component
public class AuditTrail {

    static final int EXPORT_FETCH_SIZE = 1_000;
    private static final int ACTOR_PAGE = 500;

    private final Serializer eventSerializer;
    private final ObjectMapper json;
    private final JdbcClient streaming;

    AuditTrail(@Qualifier("eventSerializer") Serializer eventSerializer, ObjectMapper json, DataSource dataSource) {
        this.eventSerializer = eventSerializer;
        this.json = json;
        this.streaming = AuditStore.streaming(dataSource, EXPORT_FETCH_SIZE);
    }

    public record Actor(
            @Nullable String id,
            @Nullable String kind,
            @Nullable String email) {}

    public record Target(String type, String id) {}

    /** One event, with the fields of the audit API's items. */
    public record Entry(
            long position,
            String eventId,
            String action,
            Instant occurredAt,
            Actor actor,
            @Nullable String clientAddress,
            @Nullable String userAgent,
            @Nullable String requestId,
            @Nullable String correlationId,
            @Nullable Target target,
            JsonNode data) {}

    /** An exported event: the item, and the event as stored, with its place in the chain, to verify from the export alone. */
    public record Exported(Entry entry, Stored stored) {}

    /** Bytes base64, links hex. */
    public record Stored(
            long chainSequence,
            String link,
            String previousLink,
            String payloadType,
            String timestamp,
            String payload,
            String metadata) {}

    /**
     * @param actor      an actor id as events record it (a user id, {@code apikey:…}, {@code worker:…}, {@code system})
     * @param action     as {@link AuditActions} names it ({@code run.queued})
     * @param targetType an aggregate type, lower case ({@code run}); {@code targetId} needs it
     */
    public record Filter(Instant from, Instant to, String actor, String action, String targetType, String targetId) {}

    /** Newest first: at most {@code limit} events before the position {@code before} (null: from the newest). */
    public List<Entry> page(JdbcClient sql, UUID orgId, Filter filter, Long before, int limit) {
        return pageQuery(sql, "", orgId, filter, before, limit)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** PostgreSQL's plan of {@link #page}, run as {@code explain (analyze, buffers)}: what docs/audit.md shows. */
    public List<String> explainPage(JdbcClient sql, UUID orgId, Filter filter, Long before, int limit) {
        return pageQuery(sql, AuditStore.EXPLAIN, orgId, filter, before, limit)
                .query(String.class)
                .list();
    }

    private JdbcClient.StatementSpec pageQuery(
            JdbcClient sql, String prefix, UUID orgId, Filter filter, Long before, int limit) {
        StringBuilder where = new StringBuilder("a.org_id = :org and a.occurred_at >= :from and a.occurred_at < :to");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", orgId);
        params.put("from", Timestamp.from(filter.from()));
        params.put("to", Timestamp.from(filter.to()));
        condition(where, params, "a.actor", "actor", filter.actor());
        condition(where, params, "a.action", "action", filter.action());
        condition(where, params, "a.aggregate_type", "targetType", filter.targetType());
        condition(where, params, "a.aggregate_id", "targetId", filter.targetId());
        if (before != null) {
            where.append(" and a.global_index < :before");
            params.put("before", before);
        }
        params.put("limit", limit);
        return sql.sql(prefix + """
                select a.action, a.aggregate_type, a.aggregate_id, a.occurred_at, d.payload_revision, %s
                from audit_events a join domain_event_entry d on d.global_index = a.global_index
                where %s
                order by a.global_index desc limit :limit
                """.formatted(AuditStore.STORED_COLUMNS, where)).params(params);
    }

    /**
     * The tenants whose chains hold an event {@code actor} caused (an access request's: every org the person is or
     * was in, and the platform's for their sign-up). Looks across tenants, so it runs as the owner, not in a
     * tenant-scoped read; it walks the tenants of {@code audit_events} by its primary key and probes each by
     * {@code (org_id, actor)}, reading no event.
     */
    public List<UUID> tenantsActedIn(JdbcClient sql, String actor) {
        return sql.sql("""
                with recursive tenants(org_id) as (
                    (select org_id from audit_events order by org_id limit 1)
                    union all
                    select (select a.org_id from audit_events a where a.org_id > t.org_id order by a.org_id limit 1)
                    from tenants t where t.org_id is not null
                )
                select t.org_id from tenants t
                where t.org_id is not null
                  and exists (select 1 from audit_events a where a.org_id = t.org_id and a.actor = ?)
                order by t.org_id
                """).param(actor).query(UUID.class).list();
    }

    /**
     * Every event of the tenant {@code actor} caused up to {@code until}, oldest first, as {@link #page} gives them
     * (so with what erasure hides shown as its placeholder); call within the tenant's read, as {@link #page}.
     */
    public List<Entry> actedBy(JdbcClient sql, UUID orgId, String actor, Instant until) {
        Filter filter = new Filter(Instant.EPOCH, until, actor, null, null, null);
        List<Entry> entries = new ArrayList<>();
        List<Entry> page;
        Long before = null;
        do {
            page = page(sql, orgId, filter, before, ACTOR_PAGE);
            entries.addAll(page);
            before = page.isEmpty() ? null : page.get(page.size() - 1).position();
        } while (page.size() == ACTOR_PAGE);
        Collections.reverse(entries);
        return entries;
    }

    /**
     * Every event of the tenant in the range, in chain order, handed to {@code sink} one by one as the database
     * streams them ({@value #EXPORT_FETCH_SIZE} rows a round trip, in the caller's transaction): memory stays
     * bounded whatever the range. The time range is the events' {@code occurredAt}.
     */
    public void export(UUID orgId, Instant from, Instant to, Consumer<Exported> sink) {
        exportQuery(streaming, "", orgId, from, to).query(rs -> {
            byte[] previous = rs.getBytes("previous_link");
            AuditChain.StoredEvent event = AuditStore.storedEvent(rs);
            sink.accept(new Exported(
                    entry(rs),
                    new Stored(
                            rs.getLong("chain_sequence"),
                            HexFormat.of().formatHex(rs.getBytes("link")),
                            HexFormat.of().formatHex(previous == null ? AuditChain.genesis() : previous),
                            event.type(),
                            event.timestamp(),
                            base64(event.payload()),
                            base64(event.metadata()))));
        });
    }

    /** PostgreSQL's plan of {@link #export}, in a tenant-scoped read as the export runs. */
    public List<String> explainExport(JdbcClient sql, UUID orgId, Instant from, Instant to) {
        return exportQuery(sql, AuditStore.EXPLAIN, orgId, from, to)
                .query(String.class)
                .list();
    }

    private static JdbcClient.StatementSpec exportQuery(
            JdbcClient sql, String prefix, UUID orgId, Instant from, Instant to) {
        return sql.sql(prefix + """
                select a.chain_sequence, a.link, a.action, a.aggregate_type, a.aggregate_id, a.occurred_at,
                       (select p.link from audit_events p where p.org_id = a.org_id and p.chain_sequence = a.chain_sequence - 1)
                           as previous_link,
                       d.payload_revision, %s
                from audit_events a join domain_event_entry d on d.global_index = a.global_index
                where a.org_id = ? and a.occurred_at >= ? and a.occurred_at < ?
                order by a.chain_sequence
                """.formatted(AuditStore.STORED_COLUMNS))
                .params(orgId, Timestamp.from(from), Timestamp.from(to));
    }

    private static void condition(
            StringBuilder where, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private Entry entry(ResultSet rs) throws SQLException {
        AuditChain.StoredEvent event = AuditStore.storedEvent(rs);
        MetaData metadata = metadata(event.metadata());
        String aggregateType = rs.getString("aggregate_type");
        return new Entry(
                event.position(),
                event.eventId(),
                rs.getString("action"),
                rs.getTimestamp("occurred_at").toInstant(),
                new Actor(text(metadata, "actor"), text(metadata, "actorKind"), text(metadata, "actorEmail")),
                text(metadata, "clientAddress"),
                text(metadata, "userAgent"),
                text(metadata, "requestId"),
                text(metadata, "correlationId"),
                aggregateType == null ? null : new Target(aggregateType, rs.getString("aggregate_id")),
                data(event, rs.getString("payload_revision")));
    }

    private MetaData metadata(byte[] stored) {
        if (stored == null) {
            return MetaData.emptyInstance();
        }
        try {
            return eventSerializer.deserialize(new SerializedMetaData<>(stored, byte[].class));
        } catch (RuntimeException unreadable) {
            // an edited row must still be listable: the verifier, not the reader, judges it
            return MetaData.emptyInstance();
        }
    }

    /** The payload as the application reads it; as stored, if that fails (an edited or unknown event). */
    private JsonNode data(AuditChain.StoredEvent event, String revision) {
        try {
            Object payload = eventSerializer.deserialize(
                    new SimpleSerializedObject<>(event.payload(), byte[].class, event.type(), revision));
            return json.valueToTree(payload);
        } catch (RuntimeException unreadable) {
            try {
                return json.readTree(event.payload());
            } catch (java.io.IOException notJson) {
                return new TextNode(new String(event.payload(), StandardCharsets.UTF_8));
            }
        }
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
