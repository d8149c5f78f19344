package io.runledger.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Column conversions every query shares. */
public final class Rows {

    // only reads plain JSON objects written by the projectors, so no application settings apply
    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {}

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A {@code jsonb} object column; null stays null. */
    public static Map<String, Object> jsonObject(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        try {
            return value == null ? null : JSON.readValue(value, new TypeReference<>() {});
        } catch (JsonProcessingException notAnObject) {
            throw new IllegalStateException(column + " holds JSON that is not an object", notAnObject);
        }
    }

    /** Ids as a PostgreSQL array literal, for {@code = any(cast(? as uuid[]))}. */
    public static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
