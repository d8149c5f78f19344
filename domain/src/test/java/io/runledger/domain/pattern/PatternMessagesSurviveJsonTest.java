package io.runledger.domain.pattern;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;

import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.shared.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pattern command and event, through Jackson and back. */
class PatternMessagesSurviveJsonTest {

    private static final UUID PATTERN = UUID.randomUUID();

    static Stream<Object> messages() {
        return Stream.of(
                new RegisterPattern(PATTERN, "summarize", "Summary", "writing", null),
                new UpdatePattern(PATTERN, null, "Shorter", null, null),
                new DeactivatePattern(PATTERN),
                new ReactivatePattern(PATTERN),
                new PatternRegistered(Platform.ORG_ID, PATTERN, "summarize", "Summary", "writing", null),
                new PatternUpdated(Platform.ORG_ID, PATTERN, "summarize", "Shorter", "writing", null),
                new PatternDeactivated(Platform.ORG_ID, PATTERN),
                new PatternReactivated(Platform.ORG_ID, PATTERN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void survives_the_trip_through_json(Object message) {
        assertSurvivesJson(message);
    }
}
