package io.runledger.infra.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.projections.audit.AuditChain;
import io.runledger.query.audit.AuditDigestView;

/**
 * {@code java -jar runledger.jar audit verify --export=<file.ndjson> --digests=<file.json> --public-key=<file.pem>}:
 * checks an NDJSON audit export against the digests and the public key, with nothing but the JDK (no database, no
 * running service), and prints {@code {"valid","checked","firstMismatch"}} as the API answers it. Exit status 0 if
 * valid, 1 if not, 2 if the files cannot be read. The digests are those of {@code GET /v1/orgs/{orgId}/audit/digests}
 * fetched before the export (every one must be reached); the key that of {@code GET /v1/audit/public-key} (its
 * {@code pem}, or the whole answer).
 */
public final class OfflineAuditVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineAuditVerifier() {}

    public record Outcome(boolean valid, long checked, Optional<AuditChain.Mismatch> mismatch) {

        Map<String, Object> asJson() {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("valid", valid);
            answer.put("checked", checked);
            answer.put(
                    "firstMismatch",
                    mismatch.map(found -> {
                                Map<String, Object> at = new LinkedHashMap<>();
                                at.put("position", found.position());
                                at.put("eventId", found.eventId());
                                at.put("reason", found.reason().code);
                                at.put("detail", found.detail());
                                return at;
                            })
                            .orElse(null));
            return answer;
        }
    }

    static int run(Map<String, String> options) {
        try {
            Outcome outcome = verify(
                    Path.of(required(options, "export")),
                    Path.of(required(options, "digests")),
                    Path.of(required(options, "public-key")));
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(outcome.asJson()));
            return outcome.valid() ? 0 : 1;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException unreadable) {
            System.err.println("audit verify: " + unreadable.getMessage());
            return 2;
        }
    }

    public static Outcome verify(Path export, Path digestsFile, Path publicKeyFile)
            throws IOException, GeneralSecurityException {
        PublicKey key = publicKey(Files.readString(publicKeyFile));
        List<AuditChain.Digest> digests = digests(JSON.readTree(digestsFile.toFile()));
        AuditChain.Walk walk = null;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = JSON.readTree(line);
                JsonNode stored = event.path("stored");
                long position = event.path("position").asLong();
                String eventId = event.path("eventId").asText(null);
                if (!stored.hasNonNull("chainSequence") || !stored.hasNonNull("link")) {
                    if (walk == null) {
                        walk = new AuditChain.Walk(digests, key, 0, AuditChain.genesis());
                    }
                    walk.inserted(position, eventId);
                    break;
                }
                long sequence = stored.get("chainSequence").asLong();
                if (walk == null) {
                    long start = sequence - 1;
                    walk = new AuditChain.Walk(
                            digests.stream()
                                    .filter(digest -> digest.chainSequence() > start)
                                    .toList(),
                            key,
                            start,
                            HexFormat.of().parseHex(stored.path("previousLink").asText()));
                }
                AuditChain.StoredEvent storedEvent = new AuditChain.StoredEvent(
                        position,
                        eventId,
                        stored.path("payloadType").asText(),
                        stored.path("timestamp").asText(),
                        bytes(stored.get("payload")),
                        bytes(stored.get("metadata")));
                if (!walk.chained(
                        sequence,
                        storedEvent,
                        HexFormat.of().parseHex(stored.get("link").asText()))) {
                    break;
                }
            }
        }
        if (walk == null) {
            walk = new AuditChain.Walk(digests, key, 0, AuditChain.genesis());
        }
        Optional<AuditChain.Mismatch> mismatch = walk.finish();
        return new Outcome(mismatch.isEmpty(), walk.checked(), mismatch);
    }

    private static PublicKey publicKey(String file) throws IOException, GeneralSecurityException {
        String pem =
                file.strip().startsWith("{") ? JSON.readTree(file).path("pem").asText() : file;
        return AuditChain.publicKey(pem);
    }

    /** The API's answer ({@code {"items": [...]}}) or its list. */
    private static List<AuditChain.Digest> digests(JsonNode file) throws IOException {
        JsonNode items = file.isArray() ? file : file.path("items");
        List<AuditChain.Digest> digests = new ArrayList<>();
        for (JsonNode item : items) {
            digests.add(JSON.treeToValue(item, AuditDigestView.class).digest());
        }
        digests.sort((a, b) -> Long.compare(a.chainSequence(), b.chainSequence()));
        return digests;
    }

    private static byte[] bytes(JsonNode base64) {
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asText());
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=<file> is required");
        }
        return value;
    }
}
