package io.runledger.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.FakeStripe;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import io.runledger.infra.testing.RenderTime;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Finance's question, asked of a tenant's day with discrepancies planted in the read model and the Stripe
 * ledger: the report finds exactly them, from the event store, the same every time.
 */
@ReadModelIntegrationTest
@FakeStripe
        .InUse // Stripe in use: a context and database of its own, so the planted damage meets no other read-model test
class ReconciliationTest extends ApiTest {

    private String operator;
    private TenantDay day;
    private String period;
    private Map<String, UUID> planted;

    @BeforeAll
    void a_day_with_planted_discrepancies() {
        operator = api.tokenFor(ReadModelIntegrationTest.PLATFORM_ADMIN);
        day = TenantDay.live(api, "Reconciled Inc").projectedIn(jdbc);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        period = "from=" + today + "&to=" + today.plusDays(1) + "&orgId=" + day.orgId();
        // the meter reporter sends each of the day's usage events to (fake) Stripe
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from stripe_meter_events where org_id = ?::uuid and status = 'sent'",
                                Long.class,
                                UUID.fromString(day.orgId()))
                        == TenantDay.USAGE_EVENTS);
        UUID tokens = usageEvent("tokens.used");
        UUID completed = usageEvent("run.completed");
        UUID created = jdbc.queryForObject(
                "select id from usage_events where org_id = ?::uuid and event_type = 'run.created' "
                        + "order by id limit 1",
                UUID.class,
                UUID.fromString(day.orgId()));
        UUID stray = UUID.randomUUID();
        UUID strayReport = UUID.randomUUID();
        jdbc.update("delete from usage_events where id = ?", tokens);
        jdbc.update("update usage_events set quantity = 2 where id = ?", completed);
        jdbc.update(
                "insert into usage_events (id, org_id, event_type, quantity, created_at) values (?, ?::uuid, 'run.created', 1, now())",
                stray,
                day.orgId());
        jdbc.update(
                "update stripe_meter_events set status = 'failed', last_error = 'card_declined' where usage_event_id = ?",
                created);
        jdbc.update("""
                insert into stripe_meter_events (usage_event_id, org_id, meter, quantity, occurred_at, status)
                values (?, ?::uuid, 'tokens.used', 1543, now(), 'sent')
                """, strayReport, day.orgId());
        planted = Map.of(
                "missing_in_read_model",
                tokens,
                "quantity_mismatch",
                completed,
                "unknown_in_read_model",
                stray,
                "not_reported_to_stripe",
                created,
                "unknown_in_stripe_ledger",
                strayReport);
    }

    private UUID usageEvent(String type) {
        return jdbc.queryForObject(
                "select id from usage_events where org_id = ?::uuid and event_type = ?",
                UUID.class,
                UUID.fromString(day.orgId()),
                type);
    }

    private ResponseEntity<Map<String, Object>> report(String query) {
        return api.send(GET, "/v1/admin/billing/reconciliation?" + query, operator, null);
    }

    private String csv(String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(operator);
        return http.exchange(
                        "/v1/admin/billing/reconciliation?" + query + "&format=csv",
                        GET,
                        new HttpEntity<>(headers),
                        String.class)
                .getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
        return (List<Map<String, Object>>) report.get(key);
    }

    @Test
    void the_report_finds_exactly_the_planted_discrepancies_with_their_event_ids() {
        Map<String, Object> report = report(period).getBody();

        assertThat(list(report, "discrepancies"))
                .extracting(d -> d.get("kind") + " " + d.get("eventId"))
                .containsExactlyInAnyOrderElementsOf(planted.entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue())
                        .toList());
        assertThat(report).containsEntry("stripe", true);
    }

    @Test
    void totals_per_meter_show_where_the_three_sources_part_and_where_they_agree() {
        List<Map<String, Object>> lines = list(report(period).getBody(), "lines");
        long rendered = RenderTime.billedSeconds(jdbc, day.generationId());

        assertThat(lines)
                .extracting(
                        line -> line.get("meter") + " events=" + line.get("events") + " store=" + line.get("eventStore")
                                + " model=" + line.get("readModel") + " stripe=" + line.get("reportedToStripe")
                                + " summary=" + line.get("stripeSummary")
                                + " " + line.get("matches"))
                .containsExactly(
                        "generations.completed events=1 store=1 model=1 stripe=1 summary=1 true",
                        "render.seconds events=1 store=%d model=%d stripe=%d summary=%d true"
                                .formatted(rendered, rendered, rendered, rendered),
                        "run.completed events=1 store=1 model=2 stripe=1 summary=1 false",
                        "run.created events=2 store=2 model=3 stripe=1 summary=2 false",
                        "tokens.used events=1 store=1543 model=0 stripe=3086 summary=1543 false");
    }

    @Test
    void the_same_question_gives_byte_identical_answers() {
        String first = csv(period);
        String second = csv(period);

        assertThat(first)
                .isEqualTo(second)
                .startsWith(
                        "row,org_id,meter,event_id,events,event_store,read_model,reported_to_stripe,stripe_summary,result\n")
                .contains("total," + day.orgId() + ",tokens.used,,1,1543,0,3086,1543,mismatch")
                .contains("discrepancy," + day.orgId() + ",tokens.used," + planted.get("missing_in_read_model")
                        + ",,1543,,,,missing_in_read_model");
    }

    @Test
    void as_of_a_moment_before_the_day_the_store_had_nothing_to_bill() {
        Map<String, Object> report =
                report(period + "&asOf=" + LocalDate.now(ZoneOffset.UTC)).getBody();

        assertThat(list(report, "lines")).allSatisfy(line -> assertThat(line).containsEntry("events", 0));
        assertThat(list(report, "discrepancies"))
                .extracting(d -> d.get("kind"))
                .doesNotContain("missing_in_read_model", "quantity_mismatch", "not_reported_to_stripe");
    }

    @Test
    void only_platform_admins_ask_and_they_must_name_the_period() {
        String tenant = api.tokenFor("finance-" + UUID.randomUUID() + "@example.com");

        assertThat(api.send(GET, "/v1/admin/billing/reconciliation?" + period, tenant, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(report("orgId=" + day.orgId()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
