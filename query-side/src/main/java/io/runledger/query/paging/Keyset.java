package io.runledger.query.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.runledger.query.QueryProblems;
import io.runledger.query.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyset pagination newest first, over {@code (time, id)} or, for lists in the event store's order, over the
 * events' positions in the store: a cursor names the last row of a page, the next page starts strictly after
 * it, so pages never skip or repeat rows however many are added meanwhile.
 */
public final class Keyset {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Keyset() {}

    /** Where a page starts and how long it is, from the request's {@code cursor} and {@code limit}. */
    public record Position(Instant time, UUID id, int limit) {

        public boolean first() {
            return time == null;
        }

        /** The SQL condition on the given columns, for a page after this position (true on the first). */
        public String after(String timeColumn, String idColumn) {
            return first() ? "true" : "(" + timeColumn + ", " + idColumn + ") < (:cursorTime, :cursorId)";
        }
    }

    /** As {@link Position}, in store order: the page starts before the store position {@code before}. */
    public record StorePosition(Long before, int limit) {

        /** The SQL condition on the given column, for a page after this position (true on the first). */
        public String after(String positionColumn) {
            return before == null ? "true" : positionColumn + " < :cursorPosition";
        }
    }

    public static Position position(String cursor, Integer limit) {
        int size = size(limit);
        if (cursor == null || cursor.isBlank()) {
            return new Position(null, null, size);
        }
        try {
            String[] parts = decode(cursor).split("\\|");
            return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]), size);
        } catch (RuntimeException unreadable) {
            throw unknownCursor();
        }
    }

    public static StorePosition storePosition(String cursor, Integer limit) {
        int size = size(limit);
        if (cursor == null || cursor.isBlank()) {
            return new StorePosition(null, size);
        }
        try {
            return new StorePosition(Long.parseLong(decode(cursor)), size);
        } catch (RuntimeException unreadable) {
            throw unknownCursor();
        }
    }

    /**
     * The page from rows fetched with {@code limit + 1}: the extra row only says there is a next page.
     *
     * @param key a row's {@code (time, id)}
     */
    public static <T> Page<T> page(List<T> fetched, Position position, Function<T, Key> key) {
        return page(fetched, position.limit(), row -> {
            Key last = key.apply(row);
            return last.time() + "|" + last.id();
        });
    }

    /** As {@link #page(List, Position, Function)}, in store order; {@code storePosition} is a row's. */
    public static <T> Page<T> page(List<T> fetched, StorePosition position, ToLongFunction<T> storePosition) {
        return page(fetched, position.limit(), row -> String.valueOf(storePosition.applyAsLong(row)));
    }

    /**
     * The page a statement selects with {@link Position#after} and {@code limit :limit}: binds the cursor and asks
     * for one row more than the page, whose presence says there is a next page.
     */
    public static <T> Page<T> page(
            JdbcClient.StatementSpec statement, Position position, RowMapper<T> rows, Function<T, Key> key) {
        List<T> fetched = statement
                .param("cursorTime", Rows.timestamp(position.time()))
                .param("cursorId", position.id())
                .param("limit", position.limit() + 1)
                .query(rows)
                .list();
        return page(fetched, position, key);
    }

    /** As {@link #page(JdbcClient.StatementSpec, Position, RowMapper, Function)}, in store order. */
    public static <T> Page<T> page(
            JdbcClient.StatementSpec statement,
            StorePosition position,
            RowMapper<T> rows,
            ToLongFunction<T> storePosition) {
        List<T> fetched = statement
                .param("cursorPosition", position.before())
                .param("limit", position.limit() + 1)
                .query(rows)
                .list();
        return page(fetched, position, storePosition);
    }

    public record Key(Instant time, UUID id) {}

    private static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = new ArrayList<>(fetched.subList(0, limit));
        String cursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(cursorOf.apply(items.get(items.size() - 1)).getBytes(StandardCharsets.UTF_8));
        return new Page<>(items, cursor);
    }

    private static int size(Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw QueryProblems.invalidParameter("limit must be between 1 and " + MAX_LIMIT);
        }
        return size;
    }

    private static String decode(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }

    private static RuntimeException unknownCursor() {
        return QueryProblems.invalidParameter("cursor is not one this API gave out; start again without it");
    }
}
