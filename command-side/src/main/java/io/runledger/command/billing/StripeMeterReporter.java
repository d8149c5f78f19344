package io.runledger.command.billing;

import java.time.Instant;
import java.time.ZoneOffset;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.billing.MeterEventCreateParams;
import io.runledger.domain.run.UsageRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends every {@code UsageRecorded} to a Stripe billing meter, exactly once in effect: the meter event's
 * identifier is our event's id (Stripe refuses a second one), this processor has its own token (replaying
 * the read models sends nothing), and the ledger {@code stripe_meter_events} records what Stripe
 * acknowledged or refused for good. Transient failures (network, 429, 5xx, no customer yet) are retried by
 * Stripe's client and then by the processor, with backoff.
 */
@Component
@ProcessingGroup(StripeMeterReporter.PROCESSING_GROUP)
public record StripeMeterReporter(ObjectProvider<StripeClient> stripe, StripeCustomers customers, JdbcClient jdbc) {

    public static final String PROCESSING_GROUP = "stripe-meter-events";

    /** The Stripe meter's event name: {@code tokens.used} is sent as {@code tokens_used}. */
    public static String eventName(String meterCode) {
        return meterCode.replace('.', '_');
    }

    @EventHandler
    void on(UsageRecorded usage, EventMessage<?> message, @Timestamp Instant at) {
        StripeClient client = stripe.getIfAvailable();
        if (client == null || reported(message.getIdentifier())) {
            return;
        }
        String customer = customers.customerOf(usage.orgId()).orElseThrow(() -> new CustomerNotReady(usage.orgId()));
        try {
            client.v1()
                    .billing()
                    .meterEvents()
                    .create(
                            MeterEventCreateParams.builder()
                                    .setEventName(eventName(usage.meter().code()))
                                    .setIdentifier(message.getIdentifier())
                                    .setTimestamp(at.getEpochSecond())
                                    .putPayload("stripe_customer_id", customer)
                                    .putPayload("value", usage.quantity().toPlainString())
                                    .build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey("runledger-meter-" + message.getIdentifier())
                                    .build());
            record(message.getIdentifier(), usage, at, "sent", null);
        } catch (StripeException refused) {
            if (refused.getStatusCode() != null
                    && refused.getStatusCode() >= 400
                    && refused.getStatusCode() < 500
                    && refused.getStatusCode() != 429) {
                record(
                        message.getIdentifier(),
                        usage,
                        at,
                        "failed",
                        refused.getStatusCode() + " " + refused.getMessage());
            } else {
                throw new IllegalStateException("Stripe did not take meter event " + message.getIdentifier(), refused);
            }
        }
    }

    private boolean reported(String eventId) {
        return jdbc.sql("select exists (select 1 from stripe_meter_events where usage_event_id = ?::uuid)")
                .param(eventId)
                .query(Boolean.class)
                .single();
    }

    private void record(String eventId, UsageRecorded usage, Instant at, String status, String error) {
        jdbc.sql("""
                insert into stripe_meter_events (usage_event_id, org_id, meter, quantity, occurred_at, status, last_error)
                values (?::uuid, ?, ?, ?, ?, ?, ?)
                on conflict (usage_event_id) do nothing
                """)
                .params(
                        eventId,
                        usage.orgId(),
                        usage.meter().code(),
                        usage.quantity(),
                        at.atOffset(ZoneOffset.UTC),
                        status,
                        error)
                .update();
    }
}
