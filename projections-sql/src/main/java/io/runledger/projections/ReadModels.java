package io.runledger.projections;

import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What every projector needs: writes to its tables and JSON for {@code jsonb} columns.
 *
 * <p>Writes go one of two ways. Normally a batch's writes are kept and sent when the batch commits, consecutive
 * ones of the same statement as one JDBC batch: a round trip per statement run instead of per event. But a write
 * that fails there cannot be told apart from the batch's other events, and PostgreSQL refuses every statement
 * after it in the transaction. So once a batch has failed, the thread's next batch, and every dead letter being
 * processed again, writes event by event, each event's handling behind a savepoint ({@link #attempt()}): the
 * failing event is undone alone, and the dead-letter queue can park it in the same, still usable, transaction.
 */
@Component
public class ReadModels {

    private static final String BATCH = ReadModels.class.getName() + ".batch";
    private static final ThreadLocal<Boolean> LAST_BATCH_FAILED = ThreadLocal.withInitial(() -> false);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReadModels(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One insert, update or delete of a projector, kept for the batch's commit or sent at once (see above).
     * Projectors never read their tables while handling, so nothing needs to see a write before the commit.
     * Outside a batch (the plan table at start-up) it is sent at once.
     */
    public void write(String sql, Object... params) {
        if (!CurrentUnitOfWork.isStarted() || writesEventByEvent()) {
            jdbc.update(sql, params);
            return;
        }
        batch().add(sql, params);
    }

    /**
     * An insert that the batch's later events may still change ({@link #changeKept}): a row made and changed in one
     * batch (a run queued, started and finished) is then sent once, in its final state, instead of as an insert
     * and its updates. Event by event, or outside a batch, it is sent at once and nothing is kept.
     */
    public void insertChangeable(Object key, String sql, Object... params) {
        if (!CurrentUnitOfWork.isStarted() || writesEventByEvent()) {
            jdbc.update(sql, params);
            return;
        }
        batch().addChangeable(key, sql, params);
    }

    /**
     * Changes the parameters of the insert kept under {@code key} by this batch, if it has not been sent; false
     * otherwise, and the caller writes its update.
     */
    public boolean changeKept(Object key, Consumer<Object[]> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        PendingWrites pending = CurrentUnitOfWork.get().root().getResource(BATCH);
        return pending != null && pending.change(key, change);
    }

    /** One try at handling the current event: {@link Attempt#undo()} takes back every write it made. */
    public Attempt attempt() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Attempt.NONE;
        }
        if (writesEventByEvent()) {
            batch(); // its commit hook is what returns the thread to batched writes
            Savepoint savepoint = jdbc.execute((ConnectionCallback<Savepoint>) connection -> connection.setSavepoint());
            return new Attempt(
                    () -> jdbc.execute((ConnectionCallback<Void>) connection -> {
                        connection.releaseSavepoint(savepoint);
                        return null;
                    }),
                    () -> jdbc.execute((ConnectionCallback<Void>) connection -> {
                        connection.rollback(savepoint);
                        return null;
                    }));
        }
        PendingWrites pending = batch();
        int mark = pending.mark();
        return new Attempt(() -> {}, () -> pending.discardFrom(mark));
    }

    /** An event's handling that can be kept or taken back whole. */
    public record Attempt(Runnable keep, Runnable undo) {
        /** Outside a batch, or for handlers that keep no read model: nothing to keep or take back. */
        public static final Attempt NONE = new Attempt(() -> {}, () -> {});
    }

    private static boolean writesEventByEvent() {
        return LAST_BATCH_FAILED.get() || CurrentUnitOfWork.get().getResource(DeadLetter.class.getName()) != null;
    }

    /** The batch's kept writes, created with the batch: sent as it commits; a failed batch makes the next careful. */
    private PendingWrites batch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(BATCH, key -> {
            PendingWrites pending = new PendingWrites();
            batch.onPrepareCommit(committing -> pending.send(jdbc));
            batch.afterCommit(committed -> LAST_BATCH_FAILED.set(false));
            batch.onRollback(failed -> LAST_BATCH_FAILED.set(true));
            return pending;
        });
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
}
