package io.runledger.projections.usage;

import java.time.Instant;

import io.runledger.domain.run.UsageRecorded;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;

/** {@code usage_events}: one row per {@code UsageRecorded}, under the event's id, which billing reconciles on. */
@ReadModelProjector(processingGroup = ReadModelProcessors.USAGE)
public record UsageProjector(ReadModels models) {

    @EventHandler
    void on(UsageRecorded recorded, EventMessage<?> message, @Timestamp Instant at) {
        models.write(
                """
                insert into usage_events (id, org_id, user_id, run_id, generation_id, event_type, quantity, created_at)
                values (?::uuid, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """,
                message.getIdentifier(),
                recorded.orgId(),
                recorded.userId(),
                recorded.runId(),
                recorded.generationId(),
                recorded.meter().code(),
                recorded.quantity(),
                ReadModels.at(at));
    }
}
