package io.runledger.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.PUT;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** Stripe's webhooks, signed as Stripe signs them: verified, applied once, in order, to the org they name. */
@RunledgerIntegrationTest
@TestPropertySource(
        properties = {
            "runledger.stripe.webhook-secret=" + StripeWebhookTest.SECRET,
            "runledger.stripe.price-pro=price_pro_test",
            "runledger.stripe.price-team=price_team_test",
            "runledger.platform-admins=billing-ops@example.com"
        })
class StripeWebhookTest extends ApiTest {

    static final String SECRET = "whsec_test_secret";

    private String orgId;
    private String customer;
    private long now;

    @BeforeEach
    void setUp() {
        orgId = api.createOrg(api.tokenFor("billing-" + UUID.randomUUID() + "@example.com"), "Paying Inc");
        customer = "cus_" + UUID.randomUUID().toString().substring(0, 8);
        now = Instant.now().getEpochSecond();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private ResponseEntity<Map<String, Object>> deliver(String payload, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("Stripe-Signature", signature);
        }
        ResponseEntity answer =
                http.exchange("/v1/stripe/webhook", HttpMethod.POST, new HttpEntity<>(payload, headers), Map.class);
        return answer;
    }

    private ResponseEntity<Map<String, Object>> deliverSigned(String payload) {
        return deliver(payload, StripeFixtures.signature(SECRET, now, payload));
    }

    private String subscriptionEvent(String eventId, long created, String status, String price) {
        return subscriptionEvent(eventId, "customer.subscription.updated", created, status, price, false);
    }

    private String subscriptionEvent(
            String eventId, String type, long created, String status, String price, boolean cancelAtPeriodEnd) {
        ObjectNode subscription = StripeFixtures.sample("subscription", object -> {
            object.put("status", status).put("customer", customer).put("cancel_at_period_end", cancelAtPeriodEnd);
            object.putObject("metadata").put("org_id", orgId);
            ObjectNode item = (ObjectNode) object.get("items").get("data").get(0);
            ((ObjectNode) item.get("price")).put("id", price);
            item.put("current_period_end", now + 30 * 24 * 3600);
        });
        return StripeFixtures.event(eventId, type, created, subscription);
    }

    private Map<String, Object> subscription() {
        return jdbc.queryForMap("select plan, status from plan_subscriptions where org_id = ?::uuid", orgId);
    }

    private long subscriptionEvents() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like 'io.runledger.domain.subscription.%' "
                        + "and convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ?",
                Long.class, orgId);
    }

    @Test
    void a_signed_subscription_update_puts_the_org_on_its_plan_as_stripe_with_the_event_id() {
        String eventId = "evt_" + UUID.randomUUID();

        ResponseEntity<Map<String, Object>> answer =
                deliverSigned(subscriptionEvent(eventId, now, "active", "price_pro_test"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("outcome", "applied: ActivateSubscription");
        assertThat(subscription()).containsEntry("plan", "PRO").containsEntry("status", "ACTIVE");
        assertThat(jdbc.queryForMap("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' as actor,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' as request_id
                from domain_event_entry where payload_type like '%.SubscriptionActivated'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ?
                """, orgId))
                .containsEntry("actor", "stripe")
                .containsEntry("request_id", eventId);
    }

    @Test
    void a_bad_or_stale_signature_is_refused_and_changes_nothing() {
        String payload = subscriptionEvent("evt_" + UUID.randomUUID(), now, "active", "price_pro_test");
        long before = subscriptionEvents();

        ResponseEntity<Map<String, Object>> forged =
                deliver(payload, StripeFixtures.signature("whsec_other", now, payload));
        ResponseEntity<Map<String, Object>> stale =
                deliver(payload, StripeFixtures.signature(SECRET, now - 400, payload));
        ResponseEntity<Map<String, Object>> unsigned = deliver(payload, null);
        ResponseEntity<Map<String, Object>> tampered = deliver(
                payload.replace("price_pro_test", "price_team_test"), StripeFixtures.signature(SECRET, now, payload));

        for (ResponseEntity<Map<String, Object>> refused : java.util.List.of(forged, stale, unsigned, tampered)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/invalid-signature");
        }
        assertThat(subscriptionEvents()).isEqualTo(before);
        assertThat(subscription()).containsEntry("plan", "FREE").containsEntry("status", "TRIALING");
    }

    @Test
    void a_malformed_signature_header_is_refused_as_invalid_signature_and_changes_nothing() {
        String payload = subscriptionEvent("evt_" + UUID.randomUUID(), now, "active", "price_pro_test");
        String v1 = StripeFixtures.signature(SECRET, now, payload).replaceFirst("^t=\\d+,", "");
        long before = subscriptionEvents();

        for (String header : java.util.List.of(
                "t=abc,v1=zz",
                "t=" + now,
                "t=,v1=",
                "v1=zz",
                "garbage",
                ",,,",
                "t=99999999999999999999," + v1,
                "t=-9223372036854775808," + v1,
                "t=" + now + ",t=" + now + "," + v1)) {
            ResponseEntity<Map<String, Object>> refused = deliver(payload, header);
            assertThat(refused.getStatusCode()).as(header).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody())
                    .as(header)
                    .containsEntry("type", "https://runledger.io/problems/invalid-signature");
        }
        assertThat(subscriptionEvents()).isEqualTo(before);
    }

    @Test
    void a_webhook_signed_beyond_the_tolerance_in_the_future_is_refused_like_a_stale_one() {
        String payload = subscriptionEvent("evt_" + UUID.randomUUID(), now, "active", "price_pro_test");
        long before = subscriptionEvents();

        ResponseEntity<Map<String, Object>> nextYear =
                deliver(payload, StripeFixtures.signature(SECRET, now + 365L * 24 * 3600, payload));
        ResponseEntity<Map<String, Object>> justBeyond =
                deliver(payload, StripeFixtures.signature(SECRET, now + 400, payload));

        for (ResponseEntity<Map<String, Object>> refused : java.util.List.of(nextYear, justBeyond)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/invalid-signature");
        }
        assertThat(subscriptionEvents()).isEqualTo(before);
        assertThat(deliver(payload, StripeFixtures.signature(SECRET, now + 60, payload))
                        .getStatusCode())
                .as("a clock a minute ahead is within the tolerance")
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void an_event_for_an_org_that_does_not_exist_is_acknowledged_as_ignored_and_recorded_for_operators() {
        String unknownOrg = UUID.randomUUID().toString();
        String eventId = "evt_" + UUID.randomUUID();
        String payload =
                subscriptionEvent(eventId, now, "active", "price_pro_test").replace(orgId, unknownOrg);

        ResponseEntity<Map<String, Object>> first = deliverSigned(payload);
        ResponseEntity<Map<String, Object>> stripeRetries = deliverSigned(payload);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("outcome").toString())
                .startsWith("ignored")
                .contains(unknownOrg);
        assertThat(stripeRetries.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stripeRetries.getBody()).containsEntry("outcome", "duplicate");
        assertThat(jdbc.queryForObject(
                        "select outcome from stripe_webhook_events where event_id = ?", String.class, eventId))
                .isEqualTo(first.getBody().get("outcome"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                        Long.class,
                        "%" + unknownOrg + "%"))
                .isZero();
    }

    @Test
    void a_redelivered_event_is_acknowledged_and_applied_once() {
        String payload = subscriptionEvent("evt_" + UUID.randomUUID(), now, "active", "price_team_test");

        deliverSigned(payload);
        long afterFirst = subscriptionEvents();
        ResponseEntity<Map<String, Object>> again = deliverSigned(payload);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("outcome", "duplicate");
        assertThat(subscriptionEvents()).isEqualTo(afterFirst);
        assertThat(subscription()).containsEntry("plan", "TEAM");
    }

    @Test
    void a_late_older_event_never_moves_the_subscription_back() {
        deliverSigned(subscriptionEvent("evt_" + UUID.randomUUID(), now - 100, "active", "price_pro_test"));
        deliverSigned(subscriptionEvent("evt_" + UUID.randomUUID(), now, "past_due", "price_pro_test"));

        ResponseEntity<Map<String, Object>> late =
                deliverSigned(subscriptionEvent("evt_" + UUID.randomUUID(), now - 50, "active", "price_pro_test"));

        assertThat(late.getBody()).containsEntry("outcome", "stale");
        assertThat(subscription()).containsEntry("status", "PAST_DUE");
    }

    @Test
    void a_checkout_links_the_customer_so_later_events_naming_only_the_customer_find_the_org() {
        ObjectNode session =
                StripeFixtures.sample("checkout.session", object -> object.put("client_reference_id", orgId)
                        .put("customer", customer)
                        .put("subscription", "sub_" + orgId));
        ObjectNode failedInvoice = StripeFixtures.sample("invoice", object -> {
            object.put("customer", customer);
            object.remove("metadata");
        });

        ResponseEntity<Map<String, Object>> linked = deliverSigned(
                StripeFixtures.event("evt_" + UUID.randomUUID(), "checkout.session.completed", now, session));
        ResponseEntity<Map<String, Object>> failed = deliverSigned(
                StripeFixtures.event("evt_" + UUID.randomUUID(), "invoice.payment_failed", now, failedInvoice));

        assertThat(linked.getBody()).containsEntry("outcome", "applied: linked");
        assertThat(failed.getBody()).containsEntry("outcome", "applied: MarkSubscriptionPastDue");
        assertThat(subscription()).containsEntry("status", "PAST_DUE");
        assertThat(jdbc.queryForObject(
                        "select org_id::text from billing_customers where stripe_customer_id = ?",
                        String.class,
                        customer))
                .isEqualTo(orgId);
    }

    /**
     * Why Runledger schedules no deadline at a Stripe period end: Stripe says what happened there. A cancellation
     * at the period end is announced (still active) and, when the period is over, the subscription is deleted.
     */
    @Test
    void a_cancellation_at_the_period_end_keeps_the_plan_until_stripe_deletes_the_subscription() {
        deliverSigned(subscriptionEvent("evt_" + UUID.randomUUID(), now - 60, "active", "price_pro_test"));

        ResponseEntity<Map<String, Object>> announced = deliverSigned(subscriptionEvent(
                "evt_" + UUID.randomUUID(),
                "customer.subscription.updated",
                now - 30,
                "active",
                "price_pro_test",
                true));
        assertThat(announced.getBody()).containsEntry("outcome", "applied: ActivateSubscription");
        assertThat(subscription()).containsEntry("plan", "PRO").containsEntry("status", "ACTIVE");

        ResponseEntity<Map<String, Object>> ended = deliverSigned(subscriptionEvent(
                "evt_" + UUID.randomUUID(), "customer.subscription.deleted", now, "canceled", "price_pro_test", true));
        assertThat(ended.getBody()).containsEntry("outcome", "applied: CancelSubscription");
        assertThat(subscription()).containsEntry("status", "CANCELED");
    }

    @Test
    void a_signed_event_whose_text_the_database_cannot_store_is_a_422_and_leaves_nothing() {
        String eventId = "evt_" + UUID.randomUUID();
        String withNul = subscriptionEvent(eventId, now, "active", "price_pro_test")
                .replace("\"" + customer + "\"", "\"" + customer + "\\u0000\"");
        long before = subscriptionEvents();

        ResponseEntity<Map<String, Object>> answer = deliverSigned(withNul);
        ResponseEntity<Map<String, Object>> clean =
                deliverSigned(subscriptionEvent("evt_" + UUID.randomUUID(), now, "active", "price_pro_test"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody())
                .containsEntry("type", "https://runledger.io/problems/invalid-text")
                .containsEntry("in", "body")
                .containsEntry("field", "data.object.customer");
        assertThat(jdbc.queryForObject(
                        "select count(*) from stripe_webhook_events where event_id = ?", Long.class, eventId))
                .isZero();
        assertThat(clean.getBody()).containsEntry("outcome", "applied: ActivateSubscription");
        // only the clean event's: a customer linked, a subscription linked, the plan activated
        assertThat(subscriptionEvents()).isEqualTo(before + 3);
    }

    @Test
    void other_event_types_are_acknowledged_and_logged() {
        ResponseEntity<Map<String, Object>> answer = deliverSigned(StripeFixtures.event(
                "evt_" + UUID.randomUUID(),
                "customer.updated",
                now,
                StripeFixtures.sample("customer", object -> object.put("id", customer))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("outcome").toString()).startsWith("ignored");
    }

    @Test
    void without_stripe_a_platform_admin_puts_an_org_on_a_plan() {
        String admin = api.tokenFor("billing-ops@example.com");
        String tenant = api.tokenFor("not-ops-" + UUID.randomUUID() + "@example.com");

        ResponseEntity<Map<String, Object>> byTenant =
                api.send(PUT, "/v1/admin/orgs/" + orgId + "/plan", tenant, "{\"plan\":\"team\"}");
        ResponseEntity<Map<String, Object>> byAdmin =
                api.send(PUT, "/v1/admin/orgs/" + orgId + "/plan", admin, "{\"plan\":\"pro\"}");
        ResponseEntity<Map<String, Object>> unknownOrg =
                api.send(PUT, "/v1/admin/orgs/" + UUID.randomUUID() + "/plan", admin, "{\"plan\":\"pro\"}");

        assertThat(byTenant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(unknownOrg.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(subscription()).containsEntry("plan", "PRO").containsEntry("status", "ACTIVE");
    }
}
