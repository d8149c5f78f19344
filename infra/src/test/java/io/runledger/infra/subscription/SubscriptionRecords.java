package io.runledger.infra.subscription;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.domain.subscription.SubscriptionIds;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the database holds about an org's subscription: the command side's plan row, the read models, the events. */
record SubscriptionRecords(JdbcTemplate jdbc) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code plan_subscriptions.status}, what PlanLimits decides by. */
    String planStatus(String orgId) {
        return jdbc.queryForObject("select status from plan_subscriptions where org_id = ?::uuid", String.class, orgId);
    }

    Instant trialEndsAt(String orgId) {
        return jdbc.queryForObject(
                        "select trial_ends_at from plan_subscriptions where org_id = ?::uuid", Timestamp.class, orgId)
                .toInstant();
    }

    /** {@code orgs.subscription_status} and {@code subscriptions.status}. */
    List<String> readModelStatuses(String orgId) {
        return jdbc.queryForList("""
                select subscription_status from orgs where id = ?::uuid
                union all select status from subscriptions where org_id = ?::uuid
                """, String.class, orgId, orgId);
    }

    record StoredEvent(JsonNode payload, JsonNode metadata) {}

    /** Each TrialEnded the org's subscription stored. */
    List<StoredEvent> trialEnded(String orgId) {
        return jdbc.query(
                """
                select convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as metadata
                from domain_event_entry
                where aggregate_identifier = ? and payload_type = 'io.runledger.domain.subscription.TrialEnded'
                """,
                (rs, row) -> new StoredEvent(json(rs.getString("payload")), json(rs.getString("metadata"))),
                SubscriptionIds.forOrg(UUID.fromString(orgId)).toString());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** The conversation the org was created in. */
    String creationCorrelationId(String orgId) {
        return jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0
                """, String.class, orgId);
    }
}
