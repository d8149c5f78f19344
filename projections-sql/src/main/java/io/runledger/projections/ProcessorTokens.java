package io.runledger.projections;

import java.util.Comparator;
import java.util.List;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each processor is, read from Axon's token store ({@code token_entry}, created by this module's V1
 * migration) rather than from the segments this instance happens to hold: every instance gives the same answer,
 * including one that holds no segment at all. Reading claims nothing.
 */
@Component
class ProcessorTokens {

    /**
     * @param position the last event every segment has handled, or null while any segment is at the start
     * @param slowest  where the segment furthest behind streams on from (null: the start of the store)
     */
    record Progress(int segments, Long position, TrackingToken slowest) {}

    private final JdbcClient jdbc;
    /** the token store's: Axon's general serializer */
    private final Serializer serializer;

    ProcessorTokens(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    Progress of(String processor) {
        List<TrackingToken> tokens = tokens(processor);
        Long position = tokens.isEmpty() || tokens.contains(null)
                ? null
                : tokens.stream()
                        .mapToLong(token -> token.position().orElse(0))
                        .min()
                        .orElseThrow();
        List<TrackingToken> lowerBounds = tokens.stream()
                .map(token -> token == null ? null : WrappedToken.unwrapLowerBound(token))
                .toList();
        TrackingToken slowest = lowerBounds.isEmpty() || lowerBounds.contains(null)
                ? null
                : lowerBounds.stream()
                        .min(Comparator.comparingLong(
                                (TrackingToken token) -> token.position().orElse(0)))
                        .orElseThrow();
        return new Progress(tokens.size(), position, slowest);
    }

    /** Each segment's token, in segment order; null for a segment at the start of the store. */
    List<TrackingToken> tokens(String processor) {
        return jdbc.sql("""
                        select token, token_type, timestamp, owner, processor_name, segment from token_entry
                        where processor_name = ? order by segment
                        """)
                .param(processor)
                .query((row, index) -> new GenericTokenEntry<>(
                                row.getBytes("token"),
                                row.getString("token_type"),
                                row.getString("timestamp"),
                                row.getString("owner"),
                                row.getString("processor_name"),
                                row.getInt("segment"),
                                byte[].class)
                        .getToken(serializer))
                .list();
    }

    /** A token as the token store serialized it (the same columns as {@code token_entry}'s). */
    TrackingToken token(byte[] token, String tokenType) {
        return new GenericTokenEntry<>(token, tokenType, null, null, null, 0, byte[].class).getToken(serializer);
    }
}
