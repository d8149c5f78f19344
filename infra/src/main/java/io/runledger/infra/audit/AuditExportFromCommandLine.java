package io.runledger.infra.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.projections.audit.AuditChain;
import io.runledger.projections.audit.AuditDigests;
import io.runledger.projections.audit.AuditSigningKey;
import io.runledger.query.audit.AuditDigestView;
import io.runledger.query.audit.AuditExportFormat;
import io.runledger.query.audit.AuditExports;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.tenant.TenantReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar runledger.jar --runledger.audit.export.org-id=<org> [--runledger.audit.export.from=2026-11-01]
 * [--runledger.audit.export.to=…] [--runledger.audit.export.format=ndjson|csv] [--runledger.audit.export.dir=.]}:
 * writes the org's digests ({@code audit-<org>-digests.json}, read first, so the export reaches every one), the
 * export ({@code audit-<org>.ndjson}) and the public key ({@code audit-public-key.pem}) into the directory, the same
 * files an auditor gets from the API, and exits. Add {@code --server.port=0} beside a running service.
 */
@Component
record AuditExportFromCommandLine(
        Environment environment,
        AuditExports exports,
        TenantReads reads,
        AuditSigningKey key,
        ObjectMapper json,
        ConfigurableApplicationContext context)
        implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditExportFromCommandLine.class);

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String org = environment.getProperty("runledger.audit.export.org-id");
        if (org == null) {
            return;
        }
        UUID orgId = UUID.fromString(org);
        TimeRange range = TimeRange.of(
                environment.getProperty("runledger.audit.export.from"),
                environment.getProperty("runledger.audit.export.to"));
        AuditExportFormat format =
                AuditExportFormat.of(environment.getProperty("runledger.audit.export.format", "ndjson"));
        Path dir = Path.of(environment.getProperty("runledger.audit.export.dir", "."));
        long started = System.nanoTime();
        Written written = write(orgId, range, format, dir);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(
                "Exported {} events of org {} to {} in {} s; digests in {}, public key in {}",
                written.events(),
                orgId,
                written.export(),
                String.format("%.1f", seconds),
                written.digests(),
                written.publicKey());
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** The files an auditor needs, as the API gives them. */
    record Written(Path digests, Path export, Path publicKey, long events) {}

    /** Writes the org's digests (first, so the export reaches every one), its export and the public key into {@code dir}. */
    Written write(UUID orgId, TimeRange range, AuditExportFormat format, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path digests = dir.resolve("audit-" + orgId + "-digests.json");
        json.writerWithDefaultPrettyPrinter()
                .writeValue(
                        digests.toFile(),
                        Map.of(
                                "items",
                                reads.read(orgId, sql -> AuditDigests.list(sql, orgId)).stream()
                                        .map(AuditDigestView::of)
                                        .toList()));
        Path export = dir.resolve("audit-" + orgId + "." + format.extension);
        long events;
        try (OutputStream out = Files.newOutputStream(export)) {
            events = exports.write(orgId, range, format, out);
        }
        Path publicKey = dir.resolve("audit-public-key.pem");
        Files.writeString(
                publicKey, AuditChain.pem("PUBLIC KEY", key.publicKey().getEncoded()), StandardCharsets.US_ASCII);
        return new Written(digests, export, publicKey, events);
    }
}
