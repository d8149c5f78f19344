package io.runledger.projections.systemlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Which tracking tokens name their event's own place in the store, live and during a replay. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventPositionTest {

    @Test
    void axon_servers_token_is_the_events_own_position_also_inside_a_replay_token() {
        GlobalSequenceTrackingToken event41 = new GlobalSequenceTrackingToken(41);

        assertThat(SystemLogProjector.exactPosition(event41)).isEqualTo(41);
        assertThat(SystemLogProjector.exactPosition(
                        ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), event41)))
                .isEqualTo(41);
    }

    @Test
    void the_postgresql_stores_token_of_an_event_that_filled_a_gap_names_a_later_event_so_the_store_is_asked() {
        // event 11 was read first; event 10, committed after it, fills the gap and its token stays at 11
        GapAwareTrackingToken event10 =
                GapAwareTrackingToken.newInstance(11, List.of(10L)).advanceTo(10, 10_000);

        assertThat(event10.position()).hasValue(11);
        assertThat(SystemLogProjector.exactPosition(event10)).isNull();
        assertThat(SystemLogProjector.exactPosition(
                        ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()), event10)))
                .isNull();
    }
}
