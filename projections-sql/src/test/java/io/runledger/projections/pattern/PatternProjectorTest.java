package io.runledger.projections.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.pattern.PatternDeactivated;
import io.runledger.domain.pattern.PatternReactivated;
import io.runledger.domain.pattern.PatternRegistered;
import io.runledger.domain.pattern.PatternUpdated;
import io.runledger.domain.shared.Platform;
import io.runledger.projections.ProjectorTest;
import io.runledger.projections.Redelivery;
import org.junit.jupiter.api.Test;

/** The {@code patterns} row a pattern's events leave: active when registered, as last updated, off when deactivated. */
class PatternProjectorTest extends ProjectorTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-02T09:00:00Z");

    private final PatternProjector projector = new PatternProjector(readModels);
    private final UUID pattern = UUID.randomUUID();

    private PatternRegistered registered(UUID patternId) {
        return new PatternRegistered(
                Platform.ORG_ID, patternId, "summarize " + patternId, "Summarizes a text", "writing", "map-reduce");
    }

    private Map<String, Object> row(UUID patternId) {
        return jdbc.queryForMap("select * from patterns where id = ?", patternId);
    }

    @Test
    void a_registered_pattern_is_active_with_its_fields_and_an_update_replaces_every_field() {
        projector.on(registered(pattern), REGISTERED);

        assertThat(row(pattern))
                .containsEntry("name", "summarize " + pattern)
                .containsEntry("description", "Summarizes a text")
                .containsEntry("category", "writing")
                .containsEntry("default_strategy", "map-reduce")
                .containsEntry("active", true)
                .containsEntry("created_at", Timestamp.from(REGISTERED));

        projector.on(new PatternUpdated(Platform.ORG_ID, pattern, "digest " + pattern, null, "reading", "refine"));

        assertThat(row(pattern))
                .containsEntry("name", "digest " + pattern)
                .containsEntry("description", null)
                .containsEntry("category", "reading")
                .containsEntry("default_strategy", "refine")
                .containsEntry("created_at", Timestamp.from(REGISTERED));
    }

    @Test
    void a_deactivated_pattern_stays_in_the_catalog_inactive_until_reactivated_and_the_others_stay_active() {
        UUID other = UUID.randomUUID();
        projector.on(registered(pattern), REGISTERED);
        projector.on(registered(other), REGISTERED);
        projector.on(new PatternDeactivated(Platform.ORG_ID, pattern));

        assertThat(row(pattern)).containsEntry("active", false).containsEntry("name", "summarize " + pattern);
        assertThat(row(other)).containsEntry("active", true);

        projector.on(new PatternReactivated(Platform.ORG_ID, pattern));

        assertThat(row(pattern)).containsEntry("active", true);
    }

    @Test
    void an_event_delivered_twice_leaves_the_row_it_left_once() {
        Redelivery.changesNothing(() -> List.of(row(pattern)), () -> projector.on(registered(pattern), REGISTERED));
        Redelivery.changesNothing(
                () -> List.of(row(pattern)),
                () -> projector.on(
                        new PatternUpdated(Platform.ORG_ID, pattern, "digest " + pattern, "Digests", "reading", null)));
        Redelivery.changesNothing(
                () -> List.of(row(pattern)), () -> projector.on(new PatternDeactivated(Platform.ORG_ID, pattern)));

        assertThat(jdbc.queryForList("select name, active from patterns where id = ?", pattern))
                .containsExactly(Map.of("name", "digest " + pattern, "active", false));
    }
}
