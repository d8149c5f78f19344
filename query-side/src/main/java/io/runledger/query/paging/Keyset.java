package io.runledger.query.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.runledger.query.QueryProblems;

/**
 * Keyset pagination over {@code (time, id)} newest first: a cursor names the last row of a page, the next
 * page starts strictly after it, so pages never skip or repeat rows however many are added meanwhile.
 */
public final class Keyset {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Keyset() {
    }

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

    public static Position position(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw QueryProblems.invalidParameter("limit must be between 1 and " + MAX_LIMIT);
        }
        if (cursor == null || cursor.isBlank()) {
            return new Position(null, null, size);
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]), size);
        } catch (RuntimeException unreadable) {
            throw QueryProblems.invalidParameter("cursor is not one this API gave out; start again without it");
        }
    }

    /**
     * The page from rows fetched with {@code limit + 1}: the extra row only says there is a next page.
     *
     * @param key a row's {@code (time, id)}
     */
    public static <T> Page<T> page(List<T> fetched, Position position, Function<T, Key> key) {
        if (fetched.size() <= position.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = new ArrayList<>(fetched.subList(0, position.limit()));
        Key last = key.apply(items.get(items.size() - 1));
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.time() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
        return new Page<>(items, cursor);
    }

    public record Key(Instant time, UUID id) {
    }
}
