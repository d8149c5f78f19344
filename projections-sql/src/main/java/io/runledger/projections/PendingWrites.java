package io.runledger.projections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch's writes in the order its events made them, sent as one JDBC batch per run of the same statement. An
 * insert kept under a key can still be changed by the batch's later events until it is sent, so a row made and
 * changed within one batch is sent once, in its final state.
 */
final class PendingWrites {

    private record Write(String sql, Object[] params) {}

    private final List<Write> writes = new ArrayList<>();
    /** the place in {@link #writes} of each changeable insert */
    private final Map<Object, Integer> changeable = new HashMap<>();

    void add(String sql, Object[] params) {
        writes.add(new Write(sql, params));
    }

    void addChangeable(Object key, String sql, Object[] params) {
        changeable.put(key, writes.size());
        add(sql, params);
    }

    /** Changes the parameters of the insert kept under {@code key}; false if there is none. */
    boolean change(Object key, Consumer<Object[]> change) {
        Integer at = changeable.get(key);
        if (at == null) {
            return false;
        }
        change.accept(writes.get(at).params());
        return true;
    }

    /** How many writes are kept: an event's handler that fails gives back what it added since. */
    int mark() {
        return writes.size();
    }

    void discardFrom(int mark) {
        writes.subList(mark, writes.size()).clear();
        changeable.values().removeIf(at -> at >= mark);
    }

    void send(JdbcTemplate jdbc) {
        int start = 0;
        while (start < writes.size()) {
            String sql = writes.get(start).sql();
            int end = start + 1;
            while (end < writes.size() && writes.get(end).sql().equals(sql)) {
                end++;
            }
            jdbc.batchUpdate(
                    sql, writes.subList(start, end).stream().map(Write::params).toList());
            start = end;
        }
        writes.clear();
        changeable.clear();
    }
}
