package io.runledger.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.FakeStripe;
import io.runledger.infra.testing.RenderTime;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** Billing with Stripe, offline: stripe-java talks to {@link FakeStripe}, which shows what Runledger sent. */
@RunledgerIntegrationTest
@FakeStripe.InUse
@TestPropertySource(
        properties = {
            "runledger.stripe.price-pro=price_pro_test",
            "runledger.stripe.price-team=price_team_test",
            "runledger.platform-admins=stripe-ops@example.com",
            "runledger.dead-letters.side-effect-retry=1s"
        })
class StripeBillingTest extends ApiTest {

    @Autowired
    FakeStripe stripe;

    private String owner;

    @BeforeEach
    void setUp() {
        owner = api.tokenFor("stripe-owner-" + UUID.randomUUID() + "@example.com");
    }

    private String linkedCustomer(String orgId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.queryForList(
                        "select stripe_customer_id from billing_customers where org_id = ?::uuid", String.class, orgId)
                .isEmpty());
        return jdbc.queryForObject(
                "select stripe_customer_id from billing_customers where org_id = ?::uuid", String.class, orgId);
    }

    private List<FakeStripe.Request> customerRequestsFor(String orgId) {
        return stripe.requests("/v1/customers").stream()
                .filter(request -> orgId.equals(request.form().get("metadata[org_id]")))
                .toList();
    }

    private String queueRun(String orgId) {
        return (String) api.send(
                        POST,
                        "/v1/orgs/" + orgId + "/runs",
                        owner,
                        "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Billable.\"}",
                        UUID.randomUUID().toString())
                .getBody()
                .get("id");
    }

    private String usageEventOf(String runId) {
        return jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%.UsageRecorded' order by sequence_number limit 1",
                String.class, runId);
    }

    @Test
    void a_new_org_gets_one_stripe_customer_created_under_an_idempotency_key_from_its_id() {
        String orgId = api.createOrg(owner, "Customer Inc");

        String customer = linkedCustomer(orgId);

        assertThat(customerRequestsFor(orgId)).isNotEmpty().allSatisfy(request -> assertThat(request.idempotencyKey())
                .isEqualTo("runledger-customer-" + orgId));
        assertThat(customerRequestsFor(orgId).get(0).form()).containsEntry("name", "Customer Inc");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type like '%.StripeCustomerLinked' "
                                + "and convert_from(payload, 'UTF8')::jsonb ->> 'stripeCustomerId' = ?",
                        Long.class, customer))
                .isEqualTo(1);
    }

    @Test
    void a_stripe_in_trouble_is_retried_with_the_same_idempotency_key() {
        stripe.failNext("/v1/customers", 2);
        String orgId = api.createOrg(owner, "Patient Inc");

        linkedCustomer(orgId);

        assertThat(customerRequestsFor(orgId))
                .hasSizeGreaterThanOrEqualTo(3)
                .extracting(FakeStripe.Request::idempotencyKey)
                .containsOnly("runledger-customer-" + orgId);
    }

    @Test
    void a_stripe_down_for_longer_than_the_tries_parks_the_orgs_customer_and_creates_it_once_stripe_is_back() {
        stripe.failNext("/v1/customers", 1_000);
        String orgId = api.createOrg(owner, "Outage Inc");

        await().atMost(Duration.ofSeconds(20)).until(() -> parkedFor("stripe-customers", orgId) > 0);
        stripe.failNext("/v1/customers", 0);

        linkedCustomer(orgId);
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedFor("stripe-customers", orgId) == 0);
        assertThat(customerRequestsFor(orgId))
                .extracting(FakeStripe.Request::idempotencyKey)
                .containsOnly("runledger-customer-" + orgId);
    }

    private long parkedFor(String processor, String orgId) {
        return jdbc.queryForObject(
                "select count(*) from dead_letter_entry where processing_group = ? and sequence_identifier = ?",
                Long.class,
                processor,
                orgId);
    }

    @Test
    void every_usage_event_goes_to_the_meter_once_with_our_event_id_as_identifier() {
        String orgId = api.createOrg(owner, "Metered Inc");
        String customer = linkedCustomer(orgId);
        String eventId = usageEventOf(queueRun(orgId));

        await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.queryForList(
                        "select status from stripe_meter_events where usage_event_id = ?::uuid", String.class, eventId)
                .isEmpty());

        assertThat(jdbc.queryForObject(
                        "select status from stripe_meter_events where usage_event_id = ?::uuid", String.class, eventId))
                .isEqualTo("sent");
        assertThat(stripe.requests("/v1/billing/meter_events"))
                .filteredOn(request -> eventId.equals(request.form().get("identifier")))
                .singleElement()
                .satisfies(request -> assertThat(request.form())
                        .containsEntry("event_name", "run_created")
                        .containsEntry("payload[stripe_customer_id]", customer)
                        .containsEntry("payload[value]", "1"));
    }

    /** A generation of a new project in the org, taken by a render worker from its claim to its video. */
    private String completedGeneration(String orgId) {
        String projectId = (String) api.send(
                        POST,
                        "/v1/orgs/" + orgId + "/projects",
                        owner,
                        "{\"name\":\"Metered video\",\"prompt\":\"rain\",\"audioPath\":\"audio/rain.mp3\"}")
                .getBody()
                .get("id");
        String generationId = (String) api.send(
                        POST,
                        "/v1/orgs/" + orgId + "/projects/" + projectId + "/generations",
                        owner,
                        "{}",
                        UUID.randomUUID().toString())
                .getBody()
                .get("id");
        Map<String, Object> claim = api.send(POST, "/v1/worker/generations/claim", TenantDay.WORKER, "{}")
                .getBody();
        assertThat(claim).containsEntry("id", generationId);
        String lease = "{\"leaseId\":\"" + claim.get("leaseId") + "\"";
        for (String[] step : List.of(
                new String[] {"analysis", ",\"audioAnalysis\":{\"bpm\":90}"},
                new String[] {"plan", ",\"visualPlan\":{\"scenes\":3}"},
                new String[] {"render", ""},
                new String[] {"complete", ",\"videoUrl\":\"https://cdn.example.com/rain.mp4\""})) {
            assertThat(api.send(
                                    POST,
                                    "/v1/worker/generations/" + generationId + "/" + step[0],
                                    TenantDay.WORKER,
                                    lease + step[1] + "}")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        return generationId;
    }

    @Test
    void a_completed_generation_goes_to_the_generations_and_render_seconds_meters() {
        String orgId = api.createOrg(owner, "Rendering Inc");
        String customer = linkedCustomer(orgId);
        String generationId = completedGeneration(orgId);
        List<String> eventIds = jdbc.queryForList(
                "select event_identifier from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%.UsageRecorded' order by sequence_number",
                String.class, generationId);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from stripe_meter_events where usage_event_id::text in (?, ?) and status = 'sent'",
                                Long.class,
                                eventIds.get(0),
                                eventIds.get(1))
                        == 2);

        assertThat(stripe.requests("/v1/billing/meter_events"))
                .filteredOn(request -> eventIds.contains(request.form().get("identifier")))
                .extracting(request ->
                        request.form().get("identifier") + " " + request.form().get("event_name") + " "
                                + request.form().get("payload[value]") + " "
                                + request.form().get("payload[stripe_customer_id]"))
                .containsExactlyInAnyOrder(
                        eventIds.get(0) + " generations_completed 1 " + customer,
                        eventIds.get(1) + " render_seconds " + RenderTime.billedSeconds(jdbc, generationId) + " "
                                + customer);
    }

    @Test
    void a_meter_event_stripe_refuses_for_good_is_recorded_with_the_reason() {
        String orgId = api.createOrg(owner, "Refused Inc");
        stripe.refuseMeterEventsFor(linkedCustomer(orgId));
        String eventId = usageEventOf(queueRun(orgId));

        await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.queryForList(
                        "select status from stripe_meter_events where usage_event_id = ?::uuid", String.class, eventId)
                .isEmpty());

        assertThat(jdbc.queryForMap(
                        "select status, last_error from stripe_meter_events where usage_event_id = ?::uuid", eventId))
                .containsEntry("status", "failed")
                .hasEntrySatisfying(
                        "last_error",
                        error -> assertThat(error.toString()).contains("400").contains("No such customer"));
        Map<String, Object> report = api.send(
                        GET,
                        "/v1/admin/billing/meter-reports?orgId=" + orgId,
                        api.tokenFor("stripe-ops@example.com"),
                        null)
                .getBody();
        assertThat(report.get("items").toString())
                .contains("failed=1")
                .contains(eventId)
                .contains("No such customer");
    }

    @Test
    void an_owner_goes_to_checkout_for_a_plans_price_and_to_the_portal() {
        String orgId = api.createOrg(owner, "Upgrading Inc");
        String customer = linkedCustomer(orgId);

        ResponseEntity<Map<String, Object>> checkout =
                api.send(POST, "/v1/orgs/" + orgId + "/billing/checkout", owner, "{\"plan\":\"pro\"}");
        ResponseEntity<Map<String, Object>> portal =
                api.send(POST, "/v1/orgs/" + orgId + "/billing/portal", owner, "{}");
        ResponseEntity<Map<String, Object>> freePlan =
                api.send(POST, "/v1/orgs/" + orgId + "/billing/checkout", owner, "{\"plan\":\"free\"}");

        assertThat(checkout.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) checkout.getBody().get("url")).startsWith("https://checkout.stripe.test/");
        assertThat(stripe.requests("/v1/checkout/sessions"))
                .filteredOn(request -> orgId.equals(request.form().get("client_reference_id")))
                .singleElement()
                .satisfies(request -> assertThat(request.form())
                        .containsEntry("customer", customer)
                        .containsEntry("mode", "subscription")
                        .containsEntry("line_items[0][price]", "price_pro_test")
                        .containsEntry("subscription_data[metadata][org_id]", orgId));
        assertThat((String) portal.getBody().get("url")).startsWith("https://billing.stripe.test/");
        assertThat(freePlan.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void with_stripe_plans_follow_stripe_not_operators() {
        String orgId = api.createOrg(owner, "Managed Inc");

        ResponseEntity<Map<String, Object>> refused = api.send(
                PUT,
                "/v1/admin/orgs/" + orgId + "/plan",
                api.tokenFor("stripe-ops@example.com"),
                "{\"plan\":\"team\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("type", "https://runledger.io/problems/stripe-manages-plans");
    }
}
