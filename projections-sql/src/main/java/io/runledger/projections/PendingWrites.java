package io.runledger.projections;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** A batch's writes in the order its events made them, sent as one JDBC batch per run of the same statement. */
final class PendingWrites {

    private record Write(String sql, Object[] params) {
    }

    private final List<Write> writes = new ArrayList<>();

    void add(String sql, Object[] params) {
        writes.add(new Write(sql, params));
    }

    /** How many writes are kept: an event's handler that fails gives back what it added since. */
    int mark() {
        return writes.size();
    }

    void discardFrom(int mark) {
        writes.subList(mark, writes.size()).clear();
    }

    void send(JdbcTemplate jdbc) {
        int start = 0;
        while (start < writes.size()) {
            String sql = writes.get(start).sql();
            int end = start + 1;
            while (end < writes.size() && writes.get(end).sql().equals(sql)) {
                end++;
            }
            jdbc.batchUpdate(sql, writes.subList(start, end).stream().map(Write::params).toList());
            start = end;
        }
        writes.clear();
    }
}
