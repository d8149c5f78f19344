package io.runledger.domain.pattern;

import java.util.List;
import java.util.UUID;

import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.Platform;
import io.runledger.domain.shared.Verdicts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

class PatternTest {

    private static final UUID PATTERN = UUID.randomUUID();
    private static final UUID PLATFORM = Platform.ORG_ID;
    private static final PatternRegistered SUMMARIZE =
            new PatternRegistered(PLATFORM, PATTERN, "summarize", "Short summary", "writing", "map-reduce");

    private final FixtureConfiguration<Pattern> fixture = new AggregateTestFixture<>(Pattern.class);
    private final Verdicts<Pattern> verdict = new Verdicts<>(fixture);

    @Test
    void a_registered_pattern_joins_the_platform_catalog() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPattern(PATTERN, "summarize", "Short summary", "writing", "map-reduce"))
                .expectEvents(SUMMARIZE);
    }

    @Test
    void a_pattern_needs_a_name() {
        verdict.refused(List.of(), new RegisterPattern(PATTERN, " ", null, null, null), InvalidCommand.class);
    }

    @Test
    void an_update_keeps_the_fields_it_leaves_out() {
        fixture.given(SUMMARIZE)
                .when(new UpdatePattern(PATTERN, null, "Three-line summary", null, null))
                .expectEvents(new PatternUpdated(
                        PLATFORM, PATTERN, "summarize", "Three-line summary", "writing", "map-reduce"));
    }

    @Test
    void an_update_of_a_pattern_registered_without_optional_fields_keeps_them_empty() {
        fixture.given(new PatternRegistered(PLATFORM, PATTERN, "summarize", null, null, null))
                .when(new UpdatePattern(PATTERN, "summarize_v2", null, null, null))
                .expectEvents(new PatternUpdated(PLATFORM, PATTERN, "summarize_v2", null, null, null));
    }

    @Test
    void an_update_that_changes_nothing_emits_nothing() {
        verdict.changesNothing(
                List.of(SUMMARIZE), new UpdatePattern(PATTERN, "summarize", "Short summary", null, null));
    }

    @Test
    void an_update_cannot_blank_the_name() {
        verdict.refused(List.of(SUMMARIZE), new UpdatePattern(PATTERN, "", null, null, null), InvalidCommand.class);
    }

    @Test
    void an_inactive_pattern_cannot_be_updated() {
        verdict.refused(
                        List.of(SUMMARIZE, new PatternDeactivated(PLATFORM, PATTERN)),
                        new UpdatePattern(PATTERN, "summarize-v2", null, null, null),
                        IllegalTransition.class)
                .expectExceptionMessage("Pattern " + PATTERN + " is INACTIVE; cannot update it");
    }

    @Test
    void a_pattern_can_be_deactivated() {
        fixture.given(SUMMARIZE)
                .when(new DeactivatePattern(PATTERN))
                .expectEvents(new PatternDeactivated(PLATFORM, PATTERN));
    }

    @Test
    void deactivating_an_inactive_pattern_changes_nothing() {
        verdict.changesNothing(
                List.of(SUMMARIZE, new PatternDeactivated(PLATFORM, PATTERN)), new DeactivatePattern(PATTERN));
    }

    @Test
    void an_inactive_pattern_can_be_reactivated() {
        fixture.given(SUMMARIZE, new PatternDeactivated(PLATFORM, PATTERN))
                .when(new ReactivatePattern(PATTERN))
                .expectEvents(new PatternReactivated(PLATFORM, PATTERN));
    }

    @Test
    void reactivating_an_active_pattern_changes_nothing() {
        verdict.changesNothing(List.of(SUMMARIZE), new ReactivatePattern(PATTERN));
    }
}
