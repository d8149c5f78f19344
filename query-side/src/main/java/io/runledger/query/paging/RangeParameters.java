package io.runledger.query.paging;

/**
 * A list's or report's {@code from} and {@code to} query parameters, as {@link TimeRange} reads them; bound by
 * {@link QueryParameterRecords} and documented as two query parameters with {@code @ParameterObject}. Either may
 * be absent; neither is marked {@code @Nullable}, which springdoc would publish as a change of the API.
 */
public record RangeParameters(String from, String to) {

    public TimeRange range() {
        return TimeRange.of(from, to);
    }

    /** The last 30 days unless {@code from} says otherwise. */
    public TimeRange period() {
        return TimeRange.ofPeriod(from, to);
    }
}
