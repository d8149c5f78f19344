package io.runledger.infra.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.FreshDatabaseInitializer;
import io.runledger.infra.testing.RunningRunledger;
import io.runledger.infra.testing.TestDatabases;
import io.runledger.projections.ReadModelProcessors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** Every instance reports each read model's true position from the token store, also for processors it holds no segment of. */
class ProjectionStatusAcrossInstancesTest {

    private static final String OPERATOR = "ops@example.com";

    @Test
    void two_instances_report_the_same_positions_whichever_holds_each_read_models_segment() {
        Map<String, Object> sharedDatabase =
                new HashMap<>(FreshDatabaseInitializer.databaseProperties(TestDatabases.createFresh()));
        sharedDatabase.put("runledger.platform-admins", OPERATOR);
        try (RunningRunledger first = RunningRunledger.start(instance(sharedDatabase, "first"));
                RunningRunledger second = RunningRunledger.start(instance(sharedDatabase, "second"))) {
            ApiClient api = first.api();
            String owner = api.tokenFor("tenant@example.com");
            api.createOrg(owner, "Status Inc");

            String operatorOnFirst = api.tokenFor(OPERATOR);
            String operatorOnSecond = second.api().tokenFor(OPERATOR);
            await().atMost(Duration.ofSeconds(20)).until(() -> states(first.api(), operatorOnFirst).stream()
                    .allMatch(state -> ((Number) state.get("lagEvents")).longValue() == 0));

            // the read models' one segment is held by one of the two: the other sees it only in the token store
            assertThat(holdsSegments(first, ReadModelProcessors.PROCESSOR))
                    .isNotEqualTo(holdsSegments(second, ReadModelProcessors.PROCESSOR));
            List<Map<String, Object>> onFirst = states(first.api(), operatorOnFirst);
            List<Map<String, Object>> onSecond = states(second.api(), operatorOnSecond);
            assertThat(onSecond)
                    .extracting(
                            state -> state.get("name"),
                            state -> state.get("position"),
                            state -> state.get("lagEvents"),
                            state -> state.get("segments"))
                    .isEqualTo(onFirst.stream()
                            .map(state -> org.assertj.core.groups.Tuple.tuple(
                                    state.get("name"),
                                    state.get("position"),
                                    state.get("lagEvents"),
                                    state.get("segments")))
                            .toList());
            assertThat(onSecond).allSatisfy(state -> {
                assertThat(((Number) state.get("position")).longValue()).isPositive();
                assertThat(state.get("lagEvents")).isEqualTo(0);
            });
        }
    }

    private static Map<String, Object> instance(Map<String, Object> sharedDatabase, String id) {
        Map<String, Object> properties = new HashMap<>(sharedDatabase);
        properties.put("runledger.instance-id", id);
        return properties;
    }

    private static boolean holdsSegments(RunningRunledger instance, String processor) {
        return !instance.bean(EventProcessingConfiguration.class)
                .eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow()
                .processingStatus()
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> states(ApiClient api, String operator) {
        return (List<Map<String, Object>>)
                api.send(GET, "/v1/admin/projections", operator, null).getBody().get("items");
    }
}
