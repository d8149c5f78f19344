package io.runledger.command.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.command.subscription.SubscriptionProjector;
import io.runledger.command.text.StorableText;
import io.runledger.command.text.UnstorableText;
import io.runledger.domain.shared.DomainRuleViolation;
import io.runledger.domain.subscription.ActivateSubscription;
import io.runledger.domain.subscription.CancelSubscription;
import io.runledger.domain.subscription.LinkStripeCustomer;
import io.runledger.domain.subscription.LinkStripeSubscription;
import io.runledger.domain.subscription.MarkSubscriptionPastDue;
import io.runledger.domain.subscription.MarkSubscriptionUnpaid;
import io.runledger.domain.subscription.Plan;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe's webhooks become Subscription commands: signature and age checked first, each Stripe event id
 * applied at most once, and per org only events newer than the last applied subscription state, so a
 * late, older event never moves a subscription back. An event's commands and its record commit together.
 */
@Component
public record StripeWebhooks(
        StripeSettings settings,
        ObjectMapper json,
        JdbcClient jdbc,
        CommandGateway commands,
        StripeCustomers customers,
        TransactionTemplate transactions,
        SubscriptionProjector subscriptions) {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
    /** The actor of the commands a webhook causes. */
    static final String ACTOR = "stripe";
    /**
     * Every text of an event that is stored or looked up below (as an id, in a command, in an outcome), held to
     * the text rule; the rest of Stripe's object (names, addresses) is never read, so it is not checked.
     */
    private static final List<String> TEXT_READ = List.of(
            "id",
            "type",
            "data.object.id",
            "data.object.customer",
            "data.object.subscription",
            "data.object.status",
            "data.object.client_reference_id",
            "data.object.metadata.org_id",
            "data.object.items.data.0.price.id",
            "data.object.lines.data.0.price.id",
            "data.object.lines.data.0.pricing.price_details.price");

    /** @param outcome what became of the event: applied, duplicate, stale, ignored, refused, … */
    public record Receipt(String eventId, String type, String outcome) {}

    private record StripeEvent(String id, String type, Instant created, JsonNode object) {}

    public Receipt receive(String payload, String signatureHeader) {
        if (!settings.receivesWebhooks()) {
            throw new BillingNotConfigured("No STRIPE_WEBHOOK_SECRET is set, so Stripe's webhooks cannot be verified");
        }
        verify(payload, signatureHeader);
        StripeEvent event = parse(payload);
        return CallerContext.callAs(Caller.startingConversation(ACTOR, event.id()), () -> {
            try {
                return transactions.execute(status -> apply(event));
            } catch (DomainRuleViolation refused) {
                // nothing of it stayed; remember the event so Stripe's retries are recognised
                String outcome = "refused: " + refused.getMessage();
                transactions.executeWithoutResult(status -> record(event, null, outcome));
                log.warn("Stripe event {} ({}) refused: {}", event.id(), event.type(), refused.getMessage());
                return new Receipt(event.id(), event.type(), outcome);
            }
        });
    }

    private void verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidStripeSignature("The Stripe-Signature header is missing");
        }
        long signedAt = signedAt(signatureHeader);
        long tolerance = settings.webhookTolerance().toSeconds();
        // Stripe's library refuses only old timestamps; one far ahead would outlive every replay window
        long now = Instant.now().getEpochSecond();
        if (signedAt < now - tolerance || signedAt > now + tolerance) {
            throw new InvalidStripeSignature(
                    "Signed at " + signedAt + ", more than " + settings.webhookTolerance() + " from now");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, settings.webhookSecret(), tolerance);
        } catch (SignatureVerificationException refused) {
            throw new InvalidStripeSignature(refused.getMessage());
        }
    }

    /** The header's one {@code t=<Unix seconds>}, in a header of comma-separated {@code key=value} items. */
    private static long signedAt(String signatureHeader) {
        List<String> timestamps = new ArrayList<>();
        for (String item : signatureHeader.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals <= 0) {
                throw new InvalidStripeSignature("The Stripe-Signature header is not a list of key=value items");
            }
            if (item.substring(0, equals).equals("t")) {
                timestamps.add(item.substring(equals + 1));
            }
        }
        if (timestamps.size() != 1) {
            throw new InvalidStripeSignature("The Stripe-Signature header needs exactly one t=<Unix time>");
        }
        try {
            return Long.parseLong(timestamps.get(0));
        } catch (NumberFormatException notATime) {
            throw new InvalidStripeSignature("The Stripe-Signature's t is not a Unix time");
        }
    }

    private StripeEvent parse(String payload) {
        try {
            JsonNode event = json.readTree(payload);
            if (!event.path("id").isTextual() || !event.path("type").isTextual()) {
                throw new InvalidStripeSignature("The signed body is not a Stripe event");
            }
            TEXT_READ.forEach(field -> StorableText.require(
                    event.at("/" + field.replace('.', '/')).textValue(), UnstorableText.Part.BODY, field));
            return new StripeEvent(
                    event.get("id").asText(),
                    event.get("type").asText(),
                    Instant.ofEpochSecond(event.path("created").asLong()),
                    event.path("data").path("object"));
        } catch (JsonProcessingException notJson) {
            throw new InvalidStripeSignature("The signed body is not JSON");
        }
    }

    private Receipt apply(StripeEvent event) {
        boolean firstTime = jdbc.sql("""
                insert into stripe_webhook_events (event_id, type, created, outcome) values (?, ?, ?, 'received')
                on conflict (event_id) do nothing
                """)
                        .params(event.id(), event.type(), event.created().atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
        if (!firstTime) {
            return new Receipt(event.id(), event.type(), "duplicate");
        }
        Optional<UUID> named = orgOf(event.object());
        Optional<UUID> org = named.filter(subscriptions::hasOrg);
        if (named.isPresent() && org.isEmpty()) {
            // acknowledged, or Stripe would retry for days; kept in stripe_webhook_events for operators
            String outcome = "ignored: org " + named.get() + " does not exist";
            record(event, null, outcome);
            log.warn("Stripe event {} ({}) {}", event.id(), event.type(), outcome);
            return new Receipt(event.id(), event.type(), outcome);
        }
        String outcome = org.map(orgId -> applyTo(orgId, event)).orElse("ignored: no org for this customer");
        record(event, org.orElse(null), outcome);
        log.info("Stripe event {} ({}) for org {}: {}", event.id(), event.type(), org.orElse(null), outcome);
        return new Receipt(event.id(), event.type(), outcome);
    }

    private void record(StripeEvent event, UUID orgId, String outcome) {
        jdbc.sql("""
                insert into stripe_webhook_events (event_id, type, created, org_id, outcome) values (?, ?, ?, ?, ?)
                on conflict (event_id) do update set org_id = excluded.org_id, outcome = excluded.outcome
                """)
                .params(event.id(), event.type(), event.created().atOffset(ZoneOffset.UTC), orgId, outcome)
                .update();
    }

    /** {@code metadata.org_id} (set by our checkout), the checkout's reference, or the customer we linked. */
    private Optional<UUID> orgOf(JsonNode object) {
        for (JsonNode named :
                new JsonNode[] {object.path("metadata").path("org_id"), object.path("client_reference_id")}) {
            if (named.isTextual()) {
                try {
                    return Optional.of(UUID.fromString(named.asText()));
                } catch (IllegalArgumentException notOurs) {
                    // another integration's reference; fall back to the customer
                }
            }
        }
        return object.path("customer").isTextual()
                ? customers.orgOf(object.get("customer").asText())
                : Optional.empty();
    }

    private String applyTo(UUID orgId, StripeEvent event) {
        JsonNode object = event.object();
        return switch (event.type()) {
            case "checkout.session.completed" -> {
                link(orgId, object.path("customer"), object.path("subscription"));
                yield "applied: linked";
            }
            case "customer.subscription.created", "customer.subscription.updated" ->
                newer(orgId, event) ? subscriptionIs(orgId, object) : "stale";
            case "customer.subscription.deleted" -> newer(orgId, event) ? send(new CancelSubscription(orgId)) : "stale";
            case "invoice.paid" -> newer(orgId, event) ? invoicePaid(orgId, object) : "stale";
            case "invoice.payment_failed" -> newer(orgId, event) ? send(new MarkSubscriptionPastDue(orgId)) : "stale";
            default -> "ignored: not a type Runledger acts on";
        };
    }

    private String subscriptionIs(UUID orgId, JsonNode subscription) {
        link(orgId, subscription.path("customer"), subscription.path("id"));
        JsonNode item = subscription.path("items").path("data").path(0);
        return switch (subscription.path("status").asText()) {
            case "active", "trialing" ->
                activate(
                        orgId,
                        item.path("price").path("id").asText(null),
                        firstEpoch(subscription.path("current_period_end"), item.path("current_period_end")));
            case "past_due" -> send(new MarkSubscriptionPastDue(orgId));
            case "unpaid" -> send(new MarkSubscriptionUnpaid(orgId));
            case "canceled", "incomplete_expired" -> send(new CancelSubscription(orgId));
            default -> "ignored: subscription " + subscription.path("status").asText();
        };
    }

    private String invoicePaid(UUID orgId, JsonNode invoice) {
        JsonNode line = invoice.path("lines").path("data").path(0);
        String price = line.path("price")
                .path("id")
                .asText(line.path("pricing").path("price_details").path("price").asText(null));
        return activate(orgId, price, firstEpoch(line.path("period").path("end"), invoice.path("period_end")));
    }

    private String activate(UUID orgId, String priceId, Instant periodEnd) {
        Optional<Plan> plan = settings.planOfPrice(priceId);
        return plan.map(known -> send(new ActivateSubscription(orgId, known, periodEnd)))
                .orElse("ignored: price " + priceId + " is not STRIPE_PRICE_PRO or STRIPE_PRICE_TEAM");
    }

    private void link(UUID orgId, JsonNode customer, JsonNode subscription) {
        if (customer.isTextual()) {
            commands.sendAndWait(new LinkStripeCustomer(orgId, customer.asText()));
        }
        if (subscription.isTextual()) {
            commands.sendAndWait(new LinkStripeSubscription(orgId, subscription.asText()));
        }
    }

    private String send(Object command) {
        commands.sendAndWait(command);
        return "applied: " + command.getClass().getSimpleName();
    }

    /**
     * Whether the event is at least as new as the last subscription state applied for the org (Stripe's
     * {@code created} has second precision, so equals counts as new); moves the watermark if so.
     */
    private boolean newer(UUID orgId, StripeEvent event) {
        Optional<Instant> last = jdbc.sql(
                        "select event_created from stripe_subscription_watermarks where org_id = ? for update")
                .param(orgId)
                .query((rs, row) -> rs.getTimestamp("event_created").toInstant())
                .optional();
        if (last.isPresent() && event.created().isBefore(last.get())) {
            return false;
        }
        jdbc.sql("""
                insert into stripe_subscription_watermarks (org_id, event_created, event_id) values (?, ?, ?)
                on conflict (org_id) do update set event_created = excluded.event_created, event_id = excluded.event_id
                """)
                .params(orgId, event.created().atOffset(ZoneOffset.UTC), event.id())
                .update();
        return true;
    }

    private static Instant firstEpoch(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.canConvertToLong() && candidate.asLong() > 0) {
                return Instant.ofEpochSecond(candidate.asLong());
            }
        }
        return null;
    }
}
