package io.runledger.query.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.runledger.query.QueryProblems;

/**
 * {@code from} (inclusive) and {@code to} (exclusive), each an ISO instant ({@code 2026-11-01T00:00:00Z}) or a
 * UTC date ({@code 2026-11-01}, its start). Missing ends are open: the beginning of time, or now.
 */
public record TimeRange(Instant from, Instant to) {

    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    public static TimeRange of(String from, String to) {
        TimeRange range = new TimeRange(
                from == null ? BEGINNING : parse("from", from),
                to == null ? Instant.now().plusSeconds(1) : parse("to", to));
        if (!range.from().isBefore(range.to())) {
            throw QueryProblems.invalidParameter("from must be before to");
        }
        return range;
    }

    /** As {@link #of}, defaulting to the last 30 days, for reports over a period. */
    public static TimeRange ofPeriod(String from, String to) {
        Instant end = to == null ? Instant.now().plusSeconds(1) : parse("to", to);
        return of(from == null ? end.minusSeconds(30L * 24 * 3600).toString() : from, end.toString());
    }

    private static Instant parse(String name, String value) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw QueryProblems.invalidParameter(
                    name + " must be an ISO instant (2026-11-01T00:00:00Z) or a date (2026-11-01)");
        }
    }
}
