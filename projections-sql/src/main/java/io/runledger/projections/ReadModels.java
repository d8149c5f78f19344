package io.runledger.projections;

import java.sql.Timestamp;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What every projector needs: writes to its tables, JSON for {@code jsonb} columns, and a reset of its tables. */
@Component
public class ReadModels {

    private static final String PENDING_WRITES = PendingWrites.class.getName();

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReadModels(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One insert, update or delete of a projector. Inside a batch of events it is kept and sent when the
     * batch commits, with the batch's other writes in the order they were made and consecutive ones of the
     * same statement as one JDBC batch: a round trip per statement run instead of per event. Projectors
     * never read their tables while handling, so nothing needs to see a write before the commit. Outside a
     * batch (the plan table at start-up) it is sent at once.
     */
    public void write(String sql, Object... params) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, params);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(PENDING_WRITES, key -> {
            PendingWrites pending = new PendingWrites();
            batch.onPrepareCommit(committing -> pending.send(jdbc));
            return pending;
        }).add(sql, params);
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
        jdbc.execute("truncate table " + String.join(", ", tables) + " cascade");
    }
}
