package io.runledger.projections;

import java.sql.Timestamp;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What every projector needs: the database, JSON for {@code jsonb} columns, and a reset of its own tables. */
@Component
public class ReadModels {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ReadModels(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** A value as JSON text, for a {@code ?::jsonb} parameter; null stays null. */
    public String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException notJson) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", notJson);
        }
    }

    public static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Before a replay: the projector's tables, emptied in one statement (children with their parents). */
    public void truncate(String... tables) {
        jdbc.sql("truncate table " + String.join(", ", tables) + " cascade").update();
    }
}
