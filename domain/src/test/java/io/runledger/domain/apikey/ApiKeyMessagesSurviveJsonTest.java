package io.runledger.domain.apikey;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;

import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.org.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every API key command and event, through Jackson and back. */
class ApiKeyMessagesSurviveJsonTest {

    private static final UUID KEY = UUID.randomUUID();
    private static final UUID ORG = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();

    static Stream<Object> messages() {
        return Stream.of(
                new IssueApiKey(ORG, KEY, "CI pipeline", Role.DEVELOPER, "ab12", "rlk_Ab3d", ADMIN),
                new RevokeApiKey(KEY),
                new ApiKeyIssued(ORG, KEY, "CI pipeline", Role.DEVELOPER, "ab12", "rlk_Ab3d", ADMIN),
                new ApiKeyRevoked(ORG, KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void survives_the_trip_through_json(Object message) {
        assertSurvivesJson(message);
    }
}
