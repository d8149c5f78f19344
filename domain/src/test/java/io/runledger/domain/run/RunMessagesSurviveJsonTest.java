package io.runledger.domain.run;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;
import static io.runledger.domain.shared.JsonRoundTrip.fromJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RunMessagesSurviveJsonTest {
    private static final UUID ORG = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID RUN = UUID.randomUUID();
    private static final UUID OUTPUT = UUID.randomUUID();

    @Test
    void commands_survive_json() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("model", "gpt");
        metadata.put("temperature", null);
        metadata.put("chunks", List.of(1, 2));
        assertSurvivesJson(
                new QueueRun(ORG, RUN, USER, UUID.randomUUID(), "summarize", InputSource.UPLOAD, 20, null, "req", "k"));
        assertSurvivesJson(new StartRun(RUN, "worker-1"));
        assertSurvivesJson(new ProduceOutput(RUN, OUTPUT, "text", null, "sum", List.of("a"), metadata));
        assertSurvivesJson(new RecordTokenUsage(RUN, UUID.randomUUID(), 99));
        assertSurvivesJson(new SucceedRun(RUN));
        assertSurvivesJson(new FailRun(RUN, "boom"));
        assertSurvivesJson(new RequeueRun(RUN, "lease expired"));
    }

    @Test
    void events_survive_json() {
        assertSurvivesJson(new RunQueued(
                ORG, RUN, USER, UUID.randomUUID(), "summarize", InputSource.TEXT, null, "s", "req", null));
        assertSurvivesJson(new RunStarted(ORG, RUN, "worker-1", 2));
        assertSurvivesJson(
                new OutputProduced(ORG, RUN, OUTPUT, null, "s3://x", null, List.of("a", "b"), Map.of("tokens", 12)));
        assertSurvivesJson(
                UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.TOKENS_USED, new BigDecimal("1530"), UUID.randomUUID()));
        assertSurvivesJson(UsageRecorded.ofGeneration(
                ORG, UUID.randomUUID(), USER, UsageMeter.RENDER_SECONDS, new BigDecimal("96")));
        assertSurvivesJson(new RunSucceeded(ORG, RUN, 3));
        assertSurvivesJson(new RunFailed(ORG, RUN, "boom", RunStatus.PROCESSING));
        assertSurvivesJson(new RunRequeued(ORG, RUN, "lease expired", 1));
    }

    @Test
    void a_usage_event_stored_before_usage_ids_and_generations_reads_without_them() {
        String stored = "{\"orgId\":\"" + ORG + "\",\"runId\":\"" + RUN + "\",\"userId\":\"" + USER
                + "\",\"meter\":\"TOKENS_USED\",\"quantity\":1530}";

        assertThat(fromJson(stored, UsageRecorded.class))
                .isEqualTo(UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.TOKENS_USED, new BigDecimal("1530"), null));
    }
}
