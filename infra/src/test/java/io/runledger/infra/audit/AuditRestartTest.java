package io.runledger.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.FreshDatabaseInitializer;
import io.runledger.infra.testing.RunningRunledger;
import io.runledger.infra.testing.TestDatabases;
import io.runledger.query.audit.AuditExportFormat;
import io.runledger.query.paging.TimeRange;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain and its digests survive a restart: the key kept in the data directory signs on, the events of both
 * lives verify, through the API and offline from an export; and a trusted proxy's X-Forwarded-For names the client.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuditRestartTest {

    @TempDir
    Path dataDir;

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put(
                "runledger.audit.signing-key",
                dataDir.resolve("audit-signing-key.pem").toString());
        settings.put("runledger.trusted-proxies", "127.0.0.1");
        // digests signed by the schedule within moments, not the hour of the default
        settings.put("runledger.audit.digest-interval", "1s");
        settings.put("db-scheduler.polling-interval", "1s");
        return settings;
    }

    private final Map<String, Object> database =
            FreshDatabaseInitializer.databaseProperties(TestDatabases.createFresh());

    @Test
    @SuppressWarnings("unchecked")
    void a_chain_signed_before_a_restart_verifies_after_it_online_and_offline() throws Exception {
        String orgId;
        String owner;
        Map<String, Object> firstDigest;
        try (RunningRunledger first = RunningRunledger.start(settings())) {
            ApiClient api = first.api();
            owner = api.tokenFor("restart-owner@example.com");
            orgId = api.createOrg(owner, "Restarted");
            ResponseEntity<Map<String, Object>> proxied = throughProxy(
                    first, owner, "/v1/orgs/" + orgId + "/api-keys", "{\"name\":\"proxied\",\"role\":\"viewer\"}");
            assertThat(proxied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            long chained = awaitChained(first.jdbc(), orgId);
            // the schedule signs the grown chain by itself
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> first.jdbc()
                                    .queryForObject(
                                            "select coalesce(max(chain_sequence), 0) from audit_digests where org_id = ?::uuid",
                                            Long.class,
                                            orgId)
                            == chained);
            firstDigest = api.send(POST, "/v1/orgs/" + orgId + "/audit/digests", owner, null)
                    .getBody();
            assertThat(firstDigest).containsEntry("chainSequence", (int) chained);

            List<Map<String, Object>> issued = (List<Map<String, Object>>)
                    api.send(GET, "/v1/orgs/" + orgId + "/audit-events?action=apikey.issued", owner, null)
                            .getBody()
                            .get("items");
            assertThat(issued).singleElement().satisfies(item -> assertThat(item)
                    .containsEntry("clientAddress", "203.0.113.7")
                    .containsEntry("userAgent", "AuditProbe/1.0"));
        }
        assertThat(dataDir.resolve("audit-signing-key.pem")).exists();

        try (RunningRunledger second = RunningRunledger.start(settings())) {
            ApiClient api = second.api();
            owner = api.tokenFor("restart-owner@example.com"); // the development issuer's tokens end with its process
            assertThat(api.send(
                                    POST,
                                    "/v1/orgs/" + orgId + "/api-keys",
                                    owner,
                                    "{\"name\":\"after\",\"role\":\"viewer\"}")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
            long events = awaitChained(second.jdbc(), orgId);
            Map<String, Object> secondDigest = api.send(POST, "/v1/orgs/" + orgId + "/audit/digests", owner, null)
                    .getBody();

            Map<String, Object> verified = api.send(POST, "/v1/orgs/" + orgId + "/audit/verify", owner, null)
                    .getBody();
            assertThat(verified).containsEntry("valid", true).containsEntry("checked", (int) events);
            assertThat(secondDigest.get("keyId")).isEqualTo(firstDigest.get("keyId"));

            Path digests = dataDir.resolve("digests.json");
            Files.writeString(digests, text(second, owner, "/v1/orgs/" + orgId + "/audit/digests"));
            Path export = dataDir.resolve("export.ndjson");
            Files.writeString(export, text(second, owner, "/v1/orgs/" + orgId + "/audit-events/export"));
            Path key = dataDir.resolve("key.json");
            Files.writeString(key, text(second, null, "/v1/audit/public-key"));

            OfflineAuditVerifier.Outcome offline = OfflineAuditVerifier.verify(export, digests, key);
            assertThat(offline.valid()).isTrue();
            assertThat(offline.checked()).isEqualTo(events);

            // the operators' command-line export gives the same files, and the jar's verify command accepts them
            AuditExportFromCommandLine.Written written = second.bean(AuditExportFromCommandLine.class)
                    .write(
                            UUID.fromString(orgId),
                            TimeRange.of(null, null),
                            AuditExportFormat.of("ndjson"),
                            dataDir.resolve("operator"));
            assertThat(written.events()).isEqualTo(events);
            assertThat(verifyCommand(written.export(), written.digests(), written.publicKey()))
                    .isZero();

            // one edited byte in the export's third event, and the auditor sees where
            List<String> lines = Files.readAllLines(export);
            String edited = lines.get(2)
                    .replaceFirst(
                            "\"payload\":\"(.)",
                            "\"payload\":\"" + (lines.get(2).contains("\"payload\":\"e") ? "f" : "e"));
            lines.set(2, edited);
            Files.write(export, lines);
            OfflineAuditVerifier.Outcome tampered = OfflineAuditVerifier.verify(export, digests, key);
            assertThat(tampered.valid()).isFalse();
            assertThat(tampered.mismatch()).get().satisfies(mismatch -> {
                assertThat(mismatch.reason().code).isEqualTo("changed");
                assertThat(mismatch.position())
                        .isEqualTo(Long.valueOf(lines.get(2).replaceAll("^\\{\"position\":(\\d+).*", "$1")));
            });
            assertThat(verifyCommand(export, digests, written.publicKey())).isEqualTo(1);
            assertThat(verifyCommand(dataDir.resolve("no-such-export.ndjson"), digests, key))
                    .isEqualTo(2);
        }
    }

    /** {@code java -jar runledger.jar audit verify ...}: its exit status. */
    private static int verifyCommand(Path export, Path digests, Path publicKey) {
        return AuditCommandLine.run(new String[] {
            "audit", "verify", "--export=" + export, "--digests=" + digests, "--public-key=" + publicKey
        });
    }

    private static long awaitChained(JdbcTemplate jdbc, String orgId) {
        String stored =
                "select count(*) from domain_event_entry where convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = ?";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where org_id = ?::uuid", Long.class, orgId))
                .isEqualTo(jdbc.queryForObject(stored, Long.class, orgId)));
        return jdbc.queryForObject(stored, Long.class, orgId);
    }

    private static TestRestTemplate http(RunningRunledger app) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:"
                        + app.bean(org.springframework.core.env.Environment.class)
                                .getProperty("local.server.port")));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ResponseEntity<Map<String, Object>> throughProxy(
            RunningRunledger app, String token, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", "203.0.113.7");
        headers.set(HttpHeaders.USER_AGENT, "AuditProbe/1.0");
        ResponseEntity answer = http(app).exchange(path, POST, new HttpEntity<>(json, headers), Map.class);
        return answer;
    }

    private static String text(RunningRunledger app, String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        ResponseEntity<String> answer = http(app).exchange(path, GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
