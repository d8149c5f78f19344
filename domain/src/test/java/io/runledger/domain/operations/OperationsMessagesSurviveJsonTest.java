package io.runledger.domain.operations;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Operator events, through Jackson and back. */
class OperationsMessagesSurviveJsonTest {

    @Test
    void dead_letters_evicted_survives_json() {
        assertSurvivesJson(new DeadLettersEvicted(
                UUID.randomUUID(),
                "read-runs",
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                "bad data, fixed by hand"));
        assertSurvivesJson(new DeadLettersEvicted(UUID.randomUUID(), "read-orgs", List.of(), null));
    }
}
