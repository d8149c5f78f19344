package io.runledger.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import io.runledger.infra.testing.StoredEvents;
import io.runledger.infra.testing.TenantDay;
import io.runledger.projections.audit.AuditChainProcessor;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An owner reads, filters and exports the org's history from the event store, and the store proves itself
 * untampered: an edited payload byte, an edited metadata field, a deleted row and an inserted row (SQL on
 * domain_event_entry) are each found at their position, with their reason.
 */
@ReadModelIntegrationTest
class AuditTrailApiTest extends ApiTest {

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    ObjectMapper json;

    @Autowired
    Configuration axon;

    private TenantDay day;
    private String admin;
    private String developer;
    private String viewer;

    @BeforeAll
    void a_tenants_day_chained() {
        day = TenantDay.live(api, "Audited").projectedIn(jdbc);
        admin = member("admin");
        developer = member("developer");
        viewer = member("viewer");
        awaitChained(day.orgId());
    }

    private String member(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = api.tokenFor(email);
        api.send(GET, "/v1/orgs", token, null); // signs them up
        assertThat(api.send(
                                POST,
                                "/v1/orgs/" + day.orgId() + "/members",
                                day.ownerToken(),
                                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return token;
    }

    /** Waits until the chain holds every stored event of the org. */
    private long awaitChained(String orgId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where org_id = ?::uuid", Long.class, orgId))
                .isEqualTo(storedEvents.countOf(orgId)));
        return storedEvents.countOf(orgId);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> page) {
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) page.getBody().get("items");
    }

    private ResponseEntity<Map<String, Object>> events(String query) {
        return api.send(GET, "/v1/orgs/" + day.orgId() + "/audit-events?limit=200" + query, day.ownerToken(), null);
    }

    private Map<String, Object> verify(String orgId, String token) {
        ResponseEntity<Map<String, Object>> answer = api.send(POST, "/v1/orgs/" + orgId + "/audit/verify", token, null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_owner_lists_every_event_of_the_org_newest_first_with_who_and_from_where() {
        List<Map<String, Object>> items = items(events(""));

        assertThat(items).hasSize((int) storedEvents.countOf(day.orgId()));
        assertThat(items)
                .extracting(item -> ((Number) item.get("position")).longValue())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        Map<String, Object> queued = items.stream()
                .filter(item -> "run.queued".equals(item.get("action"))
                        && ((Map<String, Object>) item.get("target")).get("id").equals(day.succeededRun()))
                .findFirst()
                .orElseThrow();
        assertThat(queued)
                .containsKeys("eventId", "occurredAt", "requestId", "correlationId", "data")
                .containsEntry("clientAddress", "127.0.0.1")
                .containsEntry("target", Map.of("type", "run", "id", day.succeededRun()));
        assertThat((Map<String, Object>) queued.get("actor"))
                .containsEntry("kind", "user")
                .hasEntrySatisfying("email", email -> assertThat((String) email).startsWith("dev-"));
        assertThat(queued.get("userAgent")).isNotNull();
        assertThat((Map<String, Object>) queued.get("data")).containsEntry("runId", day.succeededRun());
        Map<String, Object> started = items.stream()
                .filter(item -> "run.started".equals(item.get("action")))
                .findFirst()
                .orElseThrow();
        assertThat((Map<String, Object>) started.get("actor"))
                .containsEntry("id", "worker:test")
                .containsEntry("kind", "worker")
                .containsEntry("email", null);
        Map<String, Object> key = items.stream()
                .filter(item -> "apikey.issued".equals(item.get("action")))
                .findFirst()
                .orElseThrow();
        assertThat(key)
                .containsEntry(
                        "target", Map.of("type", "apikey", "id", ((Map<String, Object>) key.get("data")).get("keyId")));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void an_api_keys_events_name_the_key_and_a_forwarded_address_from_an_untrusted_peer_is_not_believed() {
        String owner = api.tokenFor("keys-" + UUID.randomUUID() + "@example.com");
        String orgId = api.createOrg(owner, "Keyed");
        // no proxy is trusted by default: the header is the client's claim, and the peer's address is recorded
        HttpHeaders forged = new HttpHeaders();
        forged.setBearerAuth(owner);
        forged.setContentType(MediaType.APPLICATION_JSON);
        forged.set("X-Forwarded-For", "203.0.113.9");
        ResponseEntity<Map> issued = http.exchange(
                "/v1/orgs/" + orgId + "/api-keys",
                POST,
                new HttpEntity<>("{\"name\":\"deploy\",\"role\":\"developer\"}", forged),
                Map.class);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String keyId = (String) issued.getBody().get("id");
        assertThat(api.send(
                                POST,
                                "/v1/orgs/" + orgId + "/projects",
                                (String) issued.getBody().get("key"),
                                "{\"name\":\"Keyed video\",\"prompt\":\"rain\",\"audioPath\":\"a.mp3\",\"audioDuration\":10}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        awaitChained(orgId);

        List<Map<String, Object>> items =
                items(api.send(GET, "/v1/orgs/" + orgId + "/audit-events?action=apikey.issued", owner, null));
        assertThat(items).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("clientAddress", "127.0.0.1"));
        List<Map<String, Object>> byKey =
                items(api.send(GET, "/v1/orgs/" + orgId + "/audit-events?actor=apikey:" + keyId, owner, null));
        assertThat(byKey).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("action", "project.created");
            assertThat((Map<String, Object>) item.get("actor"))
                    .containsEntry("id", "apikey:" + keyId)
                    .containsEntry("kind", "apikey")
                    .containsEntry("email", null);
        });
        assertThat(jdbc.queryForObject(
                        "select convert_from(meta_data, 'UTF8')::jsonb ->> 'apiKeyId' from domain_event_entry "
                                + "where event_identifier = ?",
                        String.class,
                        byKey.get(0).get("eventId")))
                .isEqualTo(keyId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_filters_narrow_by_action_target_actor_and_time_and_pages_neither_skip_nor_repeat() {
        assertThat(items(events("&action=run.queued"))).hasSize(2).allSatisfy(item -> assertThat(item)
                .containsEntry("action", "run.queued"));
        assertThat(items(events("&target=run:" + day.succeededRun())))
                .extracting(item -> item.get("action"))
                .contains("run.queued", "run.started", "run.output_produced", "run.succeeded")
                .allSatisfy(action -> assertThat((String) action).startsWith("run."));
        assertThat(items(events("&actor=worker:test"))).isNotEmpty().allSatisfy(item -> assertThat(
                        (Map<String, Object>) item.get("actor"))
                .containsEntry("kind", "worker"));
        assertThat(items(events("&from=2999-01-01&to=2999-01-02"))).isEmpty();
        assertThat(items(events("&to=2000-01-02"))).isEmpty();

        List<Object> all =
                items(events("")).stream().map(item -> item.get("eventId")).toList();
        List<Object> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            ResponseEntity<Map<String, Object>> page = api.send(
                    GET,
                    "/v1/orgs/" + day.orgId() + "/audit-events?limit=4" + (cursor == null ? "" : "&cursor=" + cursor),
                    day.ownerToken(),
                    null);
            items(page).forEach(item -> paged.add(item.get("eventId")));
            cursor = (String) page.getBody().get("nextCursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void admins_read_the_trail_viewers_and_developers_are_refused_and_another_tenants_org_is_not_found() {
        String stranger = api.tokenFor("stranger-" + UUID.randomUUID() + "@example.com");
        String strangersOrg = api.createOrg(stranger, "Elsewhere");
        String base = "/v1/orgs/" + day.orgId();

        assertThat(items(api.send(GET, base + "/audit-events", admin, null))).isNotEmpty();
        assertThat(verify(day.orgId(), admin)).containsEntry("valid", true);
        for (String token : List.of(viewer, developer)) {
            ResponseEntity<Map<String, Object>> list = api.send(GET, base + "/audit-events", token, null);
            assertThat(list.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(list.getBody()).containsEntry("type", "https://runledger.io/problems/forbidden");
            assertThat(api.send(GET, base + "/audit-events/export", token, null).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.send(POST, base + "/audit/verify", token, null).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.send(GET, base + "/audit/digests", token, null).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String path : List.of("/audit-events", "/audit-events/export", "/audit/digests")) {
            ResponseEntity<Map<String, Object>> foreign =
                    api.send(GET, "/v1/orgs/" + strangersOrg + path, day.ownerToken(), null);
            assertThat(foreign.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api.send(POST, "/v1/orgs/" + strangersOrg + "/audit/verify", day.ownerToken(), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send(POST, "/v1/orgs/" + strangersOrg + "/audit/digests", day.ownerToken(), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // the owner's filter cannot reach the stranger's events either (once the chain has them to hide)
        awaitChained(strangersOrg);
        assertThat(items(events("&actor="
                        + jdbc.queryForObject(
                                "select actor from audit_events where org_id = ?::uuid and actor is not null limit 1",
                                String.class,
                                strangersOrg))))
                .isEmpty();
    }

    @Test
    void the_ndjson_export_carries_each_event_as_stored_and_the_csv_one_row_per_event() throws Exception {
        ResponseEntity<String> ndjson = export("ndjson");
        assertThat(ndjson.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        List<String> lines = ndjson.getBody().lines().toList();

        assertThat(lines).hasSize((int) storedEvents.countOf(day.orgId()));
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            byte[] stored = jdbc.queryForObject(
                    "select payload from domain_event_entry where global_index = ?",
                    byte[].class,
                    event.get("position").asLong());
            assertThat(Base64.getDecoder().decode(event.at("/stored/payload").asText()))
                    .isEqualTo(stored);
            assertThat(event.at("/stored/metadata").asText()).isNotEmpty();
            assertThat(event.has("action")
                            && event.has("actor")
                            && event.at("/stored/link").asText().length() == 64)
                    .isTrue();
        }
        assertThat(lines)
                .extracting(
                        line -> json.readTree(line).at("/stored/chainSequence").asLong())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, lines.size())
                        .boxed()
                        .toList());

        ResponseEntity<String> csv = export("csv");
        assertThat(csv.getBody().lines().toList())
                .hasSize(lines.size() + 1)
                .first()
                .asString()
                .startsWith("position,eventId,action");
        assertThat(api.send(GET, "/v1/orgs/" + day.orgId() + "/audit-events/export?format=xml", day.ownerToken(), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<String> export(String format) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(day.ownerToken());
        ResponseEntity<String> answer = http.exchange(
                "/v1/orgs/" + day.orgId() + "/audit-events/export?format=" + format,
                GET,
                new HttpEntity<>(headers),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer;
    }

    @Test
    void an_untouched_store_verifies_against_a_digest_signed_on_demand_and_a_retry_signs_nothing_new() {
        ResponseEntity<Map<String, Object>> signed =
                api.send(POST, "/v1/orgs/" + day.orgId() + "/audit/digests", day.ownerToken(), null);
        ResponseEntity<Map<String, Object>> again =
                api.send(POST, "/v1/orgs/" + day.orgId() + "/audit/digests", day.ownerToken(), null);
        Map<String, Object> key =
                api.send(GET, "/v1/audit/public-key", null, null).getBody();

        assertThat(signed.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(signed.getBody());
        assertThat(signed.getBody())
                .containsEntry("chainSequence", (int) storedEvents.countOf(day.orgId()))
                .containsEntry("keyId", key.get("keyId"));
        assertThat(key).containsEntry("algorithm", "Ed25519");
        assertThat((String) key.get("pem")).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(items(api.send(GET, "/v1/orgs/" + day.orgId() + "/audit/digests", day.ownerToken(), null)))
                .isNotEmpty();
        assertThat(verify(day.orgId(), day.ownerToken()))
                .containsEntry("valid", true)
                .containsEntry("checked", (int) storedEvents.countOf(day.orgId()))
                .containsEntry("firstMismatch", null);
    }

    @Test
    void concurrent_requests_to_sign_the_same_chain_make_one_digest_and_all_answer_it() throws Exception {
        String owner = api.tokenFor("signers-" + UUID.randomUUID() + "@example.com");
        String orgId = api.createOrg(owner, "Signed at once");
        awaitChained(orgId);

        List<java.util.concurrent.CompletableFuture<ResponseEntity<Map<String, Object>>>> requests =
                java.util.stream.IntStream.range(0, 4)
                        .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> api.send(POST, "/v1/orgs/" + orgId + "/audit/digests", owner, null)))
                        .toList();
        List<ResponseEntity<Map<String, Object>>> answers = requests.stream()
                .map(java.util.concurrent.CompletableFuture::join)
                .toList();

        assertThat(answers)
                .extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.OK, HttpStatus.OK, HttpStatus.OK);
        assertThat(answers)
                .extracting(answer -> answer.getBody().get("digestSequence"))
                .containsOnly(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_digests where org_id = ?::uuid", Long.class, orgId))
                .isEqualTo(1);
    }

    /** A small org of its own for each tampering, signed before it is tampered with; the tampering is undone after. */
    private record Tampered(String orgId, String owner, long position, String eventId) {}

    private Tampered smallOrgSigned() {
        String owner = api.tokenFor("tampered-" + UUID.randomUUID() + "@example.com");
        String orgId = api.createOrg(owner, "Tampered");
        for (String name : List.of("one", "two")) {
            assertThat(api.send(
                                    POST,
                                    "/v1/orgs/" + orgId + "/api-keys",
                                    owner,
                                    "{\"name\":\"" + name + "\",\"role\":\"viewer\"}")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        awaitChained(orgId);
        assertThat(api.send(POST, "/v1/orgs/" + orgId + "/audit/digests", owner, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Map<String, Object> second = jdbc.queryForMap(
                "select global_index, event_id from audit_events where org_id = ?::uuid and chain_sequence = 2", orgId);
        return new Tampered(orgId, owner, (Long) second.get("global_index"), (String) second.get("event_id"));
    }

    /** The org's event, its {@code column} edited, is a changed event at its position; put back, the chain verifies. */
    private void changedUntilRestored(Tampered org, String column, byte[] original) {
        try {
            assertMismatch(org, org.position(), org.eventId(), "changed");
        } finally {
            jdbc.update(
                    "update domain_event_entry set " + column + " = ? where global_index = ?",
                    original,
                    org.position());
        }
        assertThat(verify(org.orgId(), org.owner())).containsEntry("valid", true);
    }

    @SuppressWarnings("unchecked")
    private void assertMismatch(Tampered org, long position, String eventId, String reason) {
        Map<String, Object> answer = verify(org.orgId(), org.owner());
        assertThat(answer).containsEntry("valid", false);
        assertThat((Map<String, Object>) answer.get("firstMismatch"))
                .containsEntry("position", (int) position)
                .containsEntry("eventId", eventId)
                .containsEntry("reason", reason);
    }

    @Test
    void an_edited_payload_byte_is_a_changed_event_at_its_position() {
        Tampered org = smallOrgSigned();
        byte[] original = flipAPayloadBit(org.position());
        changedUntilRestored(org, "payload", original);
    }

    @Test
    void an_edited_metadata_field_is_a_changed_event_at_its_position() {
        Tampered org = smallOrgSigned();
        byte[] original = jdbc.queryForObject(
                "select meta_data from domain_event_entry where global_index = ?", byte[].class, org.position());
        assertThat(jdbc.update("""
                update domain_event_entry
                set meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), '"actorKind":"user"', '"actorKind":"system"'), 'UTF8')
                where global_index = ? and position('"actorKind":"user"' in convert_from(meta_data, 'UTF8')) > 0
                """, org.position())).isEqualTo(1);
        changedUntilRestored(org, "meta_data", original);
    }

    @Test
    void a_deleted_event_row_is_a_missing_event_at_its_position() {
        Tampered org = smallOrgSigned();
        String saved = "audit_test_deleted_" + org.position();
        jdbc.execute("create table " + saved + " as select * from domain_event_entry where global_index = "
                + org.position());
        jdbc.update("delete from domain_event_entry where global_index = ?", org.position());
        try {
            assertMismatch(org, org.position(), org.eventId(), "missing");
        } finally {
            jdbc.execute("insert into domain_event_entry select * from " + saved);
            jdbc.execute("drop table " + saved);
        }
        assertThat(verify(org.orgId(), org.owner())).containsEntry("valid", true);
    }

    @Test
    void an_inserted_event_row_is_an_inserted_event_at_its_position() {
        Tampered org = smallOrgSigned();
        // a position the store never used and every processor has passed: the chain never takes it in
        long forgedPosition = 0;
        String forgedId = "forged-" + UUID.randomUUID();
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                select ?, aggregate_identifier, 1000000, type, ?, meta_data, payload, payload_revision, payload_type, time_stamp
                from domain_event_entry where global_index = ?
                """, forgedPosition, forgedId, org.position());
        try {
            assertMismatch(org, forgedPosition, forgedId, "inserted");
            assertThat(verify(day.orgId(), day.ownerToken()))
                    .as("another org's chain")
                    .containsEntry("valid", true);
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = ?", forgedPosition);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_check_from_or_to_a_digest_covers_the_events_it_bounds_and_no_others() {
        Tampered org = smallOrgSigned();
        long firstStretch = awaitChained(org.orgId());
        assertThat(api.send(
                                POST,
                                "/v1/orgs/" + org.orgId() + "/api-keys",
                                org.owner(),
                                "{\"name\":\"three\",\"role\":\"viewer\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long all = awaitChained(org.orgId());
        assertThat(api.send(POST, "/v1/orgs/" + org.orgId() + "/audit/digests", org.owner(), null)
                        .getBody())
                .containsEntry("digestSequence", 2);
        // an event before the first digest edited
        byte[] original = flipAPayloadBit(org.position());
        try {
            assertThat(verifyRange(org, "?from=1")).containsEntry("valid", true).containsEntry("checked", (int)
                    (all - firstStretch));
            assertThat(verifyRange(org, "?from=1&to=2")).containsEntry("valid", true);
            Map<String, Object> upToFirst = verifyRange(org, "?to=1");
            assertThat(upToFirst).containsEntry("valid", false);
            assertThat((Map<String, Object>) upToFirst.get("firstMismatch"))
                    .containsEntry("position", (int) org.position())
                    .containsEntry("reason", "changed");
            assertThat(api.send(POST, "/v1/orgs/" + org.orgId() + "/audit/verify?from=7", org.owner(), null)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, org.position());
        }
    }

    private Map<String, Object> verifyRange(Tampered org, String range) {
        ResponseEntity<Map<String, Object>> answer =
                api.send(POST, "/v1/orgs/" + org.orgId() + "/audit/verify" + range, org.owner(), null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_digest_whose_signature_was_altered_is_a_broken_signature() {
        Tampered org = smallOrgSigned();
        jdbc.update(
                "update audit_digests set signature = set_byte(signature, 0, get_byte(signature, 0) # 1) where org_id = ?::uuid",
                UUID.fromString(org.orgId()));
        try {
            Map<String, Object> answer = verify(org.orgId(), org.owner());
            assertThat(answer).containsEntry("valid", false);
            assertThat((Map<String, Object>) answer.get("firstMismatch")).containsEntry("reason", "signature");
        } finally {
            jdbc.update(
                    "update audit_digests set signature = set_byte(signature, 0, get_byte(signature, 0) # 1) where org_id = ?::uuid",
                    UUID.fromString(org.orgId()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_full_replay_of_every_read_model_leaves_the_chain_as_it_was_and_valid() {
        String operator = api.tokenFor(ReadModelIntegrationTest.PLATFORM_ADMIN);
        String chainBefore = jdbc.queryForObject(
                "select md5(string_agg(encode(link, 'hex'), '' order by global_index)) from audit_events where org_id = ?::uuid",
                String.class,
                day.orgId());
        List<Map<String, Object>> projections = (List<Map<String, Object>>)
                api.send(GET, "/v1/admin/projections", operator, null).getBody().get("items");

        for (Map<String, Object> projection : projections) {
            assertThat(api.send(POST, "/v1/admin/projections/" + projection.get("name") + "/replay", operator, null)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        (List<Map<String, Object>>) api.send(GET, "/v1/admin/projections", operator, null)
                                .getBody()
                                .get("items"))
                .allSatisfy(projection ->
                        assertThat(projection).containsEntry("lagEvents", 0).containsEntry("replaying", false)));

        assertThat(jdbc.queryForObject(
                        "select md5(string_agg(encode(link, 'hex'), '' order by global_index)) from audit_events where org_id = ?::uuid",
                        String.class,
                        day.orgId()))
                .isEqualTo(chainBefore);
        assertThat(verify(day.orgId(), day.ownerToken()))
                .containsEntry("valid", true)
                .containsEntry("checked", (int) storedEvents.countOf(day.orgId()));
    }

    @Test
    void events_handed_to_the_chain_again_are_left_as_chained_and_the_next_are_chained_on_their_tenants_head() {
        StreamingEventProcessor chain = axon.eventProcessingConfiguration()
                .eventProcessor(AuditChainProcessor.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        long firstOfDay = jdbc.queryForObject(
                "select min(global_index) from audit_events where org_id = ?::uuid", Long.class, day.orgId());
        chain.shutDown();
        try {
            // as after a crash between a batch's rows and its token: the batch is delivered again
            axon.eventProcessingConfiguration()
                    .tokenStore(AuditChainProcessor.PROCESSING_GROUP)
                    .storeToken(GapAwareTrackingToken.newInstance(firstOfDay - 1, List.of()), chain.getName(), 0);
            member("viewer"); // and new events of the same tenant behind them, in the same batches
        } finally {
            chain.start();
        }

        long chained = awaitChained(day.orgId());
        assertThat(jdbc.queryForObject(
                        "select max(chain_sequence) from audit_events where org_id = ?::uuid", Long.class, day.orgId()))
                .isEqualTo(chained);
        assertThat(verify(day.orgId(), day.ownerToken()))
                .containsEntry("valid", true)
                .containsEntry("checked", (int) chained);
    }

    /** Flips one bit of the stored payload at {@code position}, as tampering by SQL would; returns the bytes before. */
    private byte[] flipAPayloadBit(long position) {
        byte[] original = jdbc.queryForObject(
                "select payload from domain_event_entry where global_index = ?", byte[].class, position);
        jdbc.update(
                "update domain_event_entry set payload = set_byte(payload, 2, get_byte(payload, 2) # 1) where global_index = ?",
                position);
        return original;
    }
}
