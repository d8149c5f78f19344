package io.runledger.projections.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.run.UsageMeter;
import io.runledger.domain.run.UsageRecorded;
import io.runledger.projections.ProjectorTest;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** {@code usage_events} keeps each {@code UsageRecorded} once, under the event's id, which reconciliation matches on. */
class UsageProjectorTest extends ProjectorTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    private final UsageProjector projector = new UsageProjector(readModels);
    private final UUID org = UUID.randomUUID();

    private void handle(EventMessage<UsageRecorded> message) {
        projector.on(message.getPayload(), message, AT);
    }

    @Test
    void a_generations_usage_is_kept_under_the_event_id_with_the_meters_code() {
        UUID generation = UUID.randomUUID();
        EventMessage<UsageRecorded> rendered = GenericEventMessage.asEventMessage(UsageRecorded.ofGeneration(
                org, generation, UUID.randomUUID(), UsageMeter.RENDER_SECONDS, new BigDecimal("185")));
        handle(rendered);

        Map<String, Object> row = jdbc.queryForMap(
                "select org_id, generation_id, run_id, event_type, quantity from usage_events where id = ?::uuid",
                rendered.getIdentifier());
        assertThat(row)
                .containsEntry("org_id", org)
                .containsEntry("generation_id", generation)
                .containsEntry("run_id", null)
                .containsEntry("event_type", "render.seconds");
        assertThat((BigDecimal) row.get("quantity")).isEqualByComparingTo("185");
    }

    @Test
    void the_same_event_handled_again_counts_once_and_another_event_counts_again() {
        UUID run = UUID.randomUUID();
        EventMessage<UsageRecorded> tokens = GenericEventMessage.asEventMessage(UsageRecorded.ofRun(
                org, run, UUID.randomUUID(), UsageMeter.TOKENS_USED, new BigDecimal("1543"), UUID.randomUUID()));
        handle(tokens);
        handle(tokens);
        handle(GenericEventMessage.asEventMessage(
                UsageRecorded.ofRun(org, run, UUID.randomUUID(), UsageMeter.RUN_CREATED, BigDecimal.ONE, null)));

        assertThat(jdbc.queryForObject("select count(*) from usage_events where org_id = ?", Long.class, org))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select sum(quantity) from usage_events where org_id = ? and event_type = 'tokens.used'",
                        BigDecimal.class,
                        org))
                .isEqualByComparingTo("1543");
    }
}
