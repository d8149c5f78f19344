package io.runledger.infra.testing;

import java.util.List;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The events in the store, read as the application reads them: through the event serializer, so personal data,
 * stored sealed (docs/erasure.md), reads plain.
 */
public final class StoredEvents {

    private StoredEvents() {}

    /** Every stored event of {@code type}, in store order. */
    public static <T> List<T> ofType(JdbcTemplate jdbc, Serializer eventSerializer, Class<T> type) {
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
