package io.runledger.query.paging;

/**
 * A list's {@code limit} and {@code cursor} query parameters, as {@link Keyset} reads them; bound by
 * {@link QueryParameterRecords} and documented as two query parameters with {@code @ParameterObject}. Either may
 * be absent; neither is marked {@code @Nullable}, which springdoc would publish as a change of the API.
 */
public record PageParameters(Integer limit, String cursor) {

    public Keyset.Position position() {
        return Keyset.position(cursor, limit);
    }

    public Keyset.StorePosition storePosition() {
        return Keyset.storePosition(cursor, limit);
    }
}
