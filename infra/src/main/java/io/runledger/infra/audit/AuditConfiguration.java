package io.runledger.infra.audit;

import java.nio.file.Path;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.runledger.infra.database.DatabaseProperties;
import io.runledger.projections.audit.AuditDigests;
import io.runledger.projections.audit.AuditSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The audit trail's signing key ({@code RUNLEDGER_AUDIT_SIGNING_KEY}, a PKCS#8 PEM file; by default
 * {@code audit-signing-key.pem} in the data directory, made at the first start) and the digests signed with it at
 * every {@code RUNLEDGER_AUDIT_DIGEST_INTERVAL}, by one instance at a time (a db-scheduler task).
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    AuditSigningKey auditSigningKey(
            @Value("${runledger.audit.signing-key:}") String configured, DatabaseProperties database) {
        Path file = StringUtils.hasText(configured)
                ? Path.of(configured)
                : database.dataDir().resolve("audit-signing-key.pem");
        AuditKeys keys = AuditKeys.loadOrCreate(file);
        log.info("Audit digests are signed with the Ed25519 key {} in {}", keys.keyId(), file);
        return keys;
    }

    @Bean
    RecurringTask<Void> auditDigestTask(
            @Value("${runledger.audit.digest-interval}") Duration interval, AuditDigests digests) {
        return Tasks.recurring("audit-digests", FixedDelay.of(interval)).execute((instance, context) -> {
            int made = digests.signAll();
            if (made > 0) {
                log.info("Signed {} audit digest(s)", made);
            }
        });
    }
}
