package io.runledger.projections;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events a swapped-in rebuild has already written into a read model's new tables. The live processor stood a
 * little behind the rebuild when the tables were swapped ({@link ReadModelRebuild}); for that read model it passes
 * over these events instead of writing them a second time, and handles every other event as before. Once the live
 * processor has passed the rebuild's token, nothing is left to pass over and the record goes.
 */
@Component
public class RebuiltThrough {

    private final JdbcClient jdbc;
    private final ProcessorTokens tokens;
    /** each read model's rebuild token, loaded on first use (the table keeps them across a restart) */
    private volatile Map<String, TrackingToken> through;

    RebuiltThrough(JdbcClient jdbc, ProcessorTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    /** Whether the swapped-in rebuild of {@code readModel} has handled {@code event} already. */
    public boolean handled(String readModel, TrackedEventMessage<?> event) {
        TrackingToken rebuilt = through().get(readModel);
        if (rebuilt == null || event.trackingToken() == null) {
            return false; // no record, or a dead letter kept without its token: parked after the swap, so not rebuilt
        }
        TrackingToken token = WrappedToken.unwrapLowerBound(event.trackingToken());
        if (rebuilt.covers(token)) {
            return true; // everything the live processor has seen with this event, the rebuild saw
        }
        if (!(rebuilt instanceof GapAwareTrackingToken gapAware)) {
            return false; // a position of its own per event (Axon Server): covering it is the whole answer
        }
        // the PostgreSQL store's token holds the highest index seen, not the event's own: ask the store
        long index = jdbc.sql("select global_index from domain_event_entry where event_identifier = ?")
                .param(event.getIdentifier())
                .query(Long.class)
                .single();
        return index <= gapAware.getIndex() && !gapAware.getGaps().contains(index);
    }

    /** In the swap's transaction: the rebuild's token, as its processor stored it, is where these read models are. */
    void record(Collection<String> readModels) {
        readModels.forEach(readModel -> jdbc.sql("""
                        insert into read_model_rebuilt_through (read_model, token, token_type, swapped_at)
                        select ?, token, token_type, now() from token_entry where processor_name = ? and segment = 0
                        on conflict (read_model) do update
                            set token = excluded.token, token_type = excluded.token_type, swapped_at = excluded.swapped_at
                        """)
                .param(readModel)
                .param(ReadModelProcessors.REBUILD_PROCESSOR)
                .update());
    }

    /** After the swap's commit: the live processor passes over what the rebuild handled. */
    void remember(Collection<String> readModels, TrackingToken rebuilt) {
        readModels.forEach(readModel -> through().put(readModel, rebuilt));
    }

    boolean any() {
        return !through().isEmpty();
    }

    /** Forgets each record the live processor has passed: every one of its segments has seen all the rebuild saw. */
    void forgetPassed() {
        if (!any()) {
            return;
        }
        List<TrackingToken> live = tokens.tokens(ReadModelProcessors.PROCESSOR);
        through().forEach((readModel, rebuilt) -> {
            if (!live.isEmpty()
                    && live.stream().allMatch(token -> token != null && token.covers(everythingUpTo(rebuilt)))) {
                jdbc.sql("delete from read_model_rebuilt_through where read_model = ?")
                        .param(readModel)
                        .update();
                through().remove(readModel);
            }
        });
    }

    /** The rebuild's token without its gaps: a live token covers it once it has seen every event up to its index. */
    private static TrackingToken everythingUpTo(TrackingToken rebuilt) {
        return rebuilt instanceof GapAwareTrackingToken gapAware
                ? GapAwareTrackingToken.newInstance(gapAware.getIndex(), List.of())
                : rebuilt;
    }

    private Map<String, TrackingToken> through() {
        Map<String, TrackingToken> loaded = through;
        if (loaded == null) {
            loaded = new ConcurrentHashMap<>();
            for (Map.Entry<String, TrackingToken> row : jdbc.sql(
                            "select read_model, token, token_type from read_model_rebuilt_through")
                    .query((row, index) -> Map.entry(
                            row.getString("read_model"),
                            tokens.token(row.getBytes("token"), row.getString("token_type"))))
                    .list()) {
                loaded.put(row.getKey(), row.getValue());
            }
            through = loaded;
        }
        return loaded;
    }
}
