package io.runledger.infra.testing;

import java.util.List;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The events in the store, read as the application reads them: through the event serializer, so personal data,
 * stored sealed (docs/erasure.md), reads plain. A bean of every {@link RunledgerIntegrationTest}.
 */
public record StoredEvents(
        JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {

    /** How many events the store holds. */
    public long count() {
        return countWhere("true");
    }

    /** How many events the store holds for the org {@code orgId}. */
    public long countOf(String orgId) {
        return countWhere("convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ?", orgId);
    }

    /** How many events the request with the id {@code requestId} stored (its metadata names the request). */
    public long countStoredBy(String requestId) {
        return countWhere("convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ?", requestId);
    }

    private long countWhere(String condition, Object... values) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where " + condition, Long.class, values);
    }

    /** Every stored event of {@code type}, in store order. */
    public <T> List<T> ofType(Class<T> type) {
        return jdbc.query(
                "select payload, payload_revision from domain_event_entry where payload_type = ? order by global_index",
                (row, n) -> {
                    SerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                            row.getBytes("payload"),
                            byte[].class,
                            new SimpleSerializedType(type.getName(), row.getString("payload_revision")));
                    return type.cast(eventSerializer.deserialize(stored));
                },
                type.getName());
    }
}
