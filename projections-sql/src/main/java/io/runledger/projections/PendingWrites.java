package io.runledger.projections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch's writes, sent table by table when the batch commits: parents before their children
 * ({@link ReadModelProcessors#tablesParentsFirst()}), each table's writes in the order its events made them, every
 * run of the same statement as one JDBC batch. A batch's events interleave their tables (a run queued, its output,
 * the next run queued…); sent in that order, each statement would be a batch of one. Grouped by table, the
 * driver sends a table's inserts as multi-row inserts ({@code reWriteBatchedInserts}). Only the order within a
 * table matters: projectors' statements read no other table, and a foreign key joins a child to a parent sent
 * before it. An insert kept under a key can still be changed by the batch's later events until it is sent, so a
 * row made and changed within one batch is sent once, in its final state.
 */
final class PendingWrites {

    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);
    /** each statement's place in the order of tables: statements are few and repeat, so each is read once */
    private static final Map<String, Integer> TABLE_PLACES = new ConcurrentHashMap<>();

    private record Write(String sql, Object[] params, int tablePlace) {}

    private final List<Write> writes = new ArrayList<>();
    /** the place in {@link #writes} of each changeable insert */
    private final Map<Object, Integer> changeable = new HashMap<>();

    void add(String sql, Object[] params) {
        writes.add(new Write(sql, params, TABLE_PLACES.computeIfAbsent(sql, PendingWrites::tablePlace)));
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
        List<Write> byTable = new ArrayList<>(writes);
        byTable.sort(Comparator.comparingInt(Write::tablePlace)); // stable: a table's writes keep their order
        int start = 0;
        while (start < byTable.size()) {
            String sql = byTable.get(start).sql();
            int end = start + 1;
            while (end < byTable.size() && byTable.get(end).sql().equals(sql)) {
                end++;
            }
            jdbc.batchUpdate(
                    sql, byTable.subList(start, end).stream().map(Write::params).toList());
            start = end;
        }
        writes.clear();
        changeable.clear();
    }

    /** The place of the table {@code sql} writes among the read models' tables. */
    private static int tablePlace(String sql) {
        Matcher written = WRITTEN_TABLE.matcher(sql);
        List<String> tables = ReadModelProcessors.tablesParentsFirst();
        int place = written.find() ? tables.indexOf(written.group(1).toLowerCase()) : -1;
        if (place < 0) {
            throw new IllegalArgumentException("Not a write to a read model's table: " + sql);
        }
        return place;
    }
}
