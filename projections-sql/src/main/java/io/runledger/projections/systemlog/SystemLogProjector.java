package io.runledger.projections.systemlog;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runledger.domain.shared.TenantEvent;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * {@code system_logs}: every event makes one row, in a person's words, with the event's ids and values as
 * {@code details} and its own place in the store ({@code global_index}, by which the log is ordered), linked
 * to org, user, project and generation where the event names them.
 */
@ReadModelProjector(processingGroup = ReadModelProcessors.SYSTEM_LOGS)
public record SystemLogProjector(ReadModels models, ObjectMapper json) {

    @EventHandler
    void on(TenantEvent event, TrackedEventMessage<?> message, @Timestamp Instant at) {
        ObjectNode values = json.valueToTree(event);
        // an inline output may be hundreds of kilobytes; the log keeps its size, the outputs table its text
        if (values.path("content").isTextual()) {
            values.put("content", values.get("content").asText().length() + " characters");
        }
        LogLine line = LogLine.of(event, values);
        ObjectNode details = json.createObjectNode();
        details.set("event", values);
        details.set("metadata", json.valueToTree(message.getMetaData()));
        models.write(
                """
                insert into system_logs (id, global_index, organization_id, user_id, project_id, generation_id, action_type,
                                         status, severity, message, details, error_message, created_at)
                values (?::uuid, coalesce(cast(? as bigint),
                                          (select global_index from domain_event_entry where event_identifier = ?)),
                        ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (id) do nothing
                """,
                message.getIdentifier(),
                exactPosition(message.trackingToken()),
                message.getIdentifier(),
                event.orgId(),
                userOf(values, message.getMetaData()),
                uuid(values, "projectId"),
                uuid(values, "generationId"),
                line.actionType(),
                line.status().code(),
                line.status().severity(),
                line.message(),
                details.toString(),
                line.errorMessage(),
                ReadModels.at(at));
    }

    /**
     * The event's own place in the store when its token tells it, else null and the store's row is asked.
     * Axon Server's {@link GlobalSequenceTrackingToken} is the event's own position, also inside the
     * {@code ReplayToken} of a replay. The PostgreSQL store's {@code GapAwareTrackingToken} is not: it holds the
     * highest index seen, which for an event committed after a later one (a gap the store filled) is the later
     * event's.
     */
    static Long exactPosition(TrackingToken token) {
        return WrappedToken.unwrap(token, GlobalSequenceTrackingToken.class)
                .map(GlobalSequenceTrackingToken::getGlobalIndex)
                .orElse(null);
    }

    /** The person the event is about, else the person who caused it. */
    private static UUID userOf(JsonNode values, Map<String, ?> metadata) {
        UUID named = uuid(values, "userId");
        if (named != null) {
            return named;
        }
        try {
            return metadata.get("actor") == null
                    ? null
                    : UUID.fromString(metadata.get("actor").toString());
        } catch (IllegalArgumentException notAPerson) {
            return null; // a worker, an API key or Runledger itself
        }
    }

    private static UUID uuid(JsonNode values, String field) {
        JsonNode value = values.get(field);
        return value == null || value.isNull() ? null : UUID.fromString(value.asText());
    }
}
