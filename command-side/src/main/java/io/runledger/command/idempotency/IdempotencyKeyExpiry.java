package io.runledger.command.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys after {@code runledger.idempotency.retention} (24 h by default), except those
 * of runs, which {@code runs} keeps unique for ever. Any instance may run it; the delete is its own lock.
 */
@Component
public record IdempotencyKeyExpiry(
        JdbcClient jdbc,
        Clock clock,
        @Value("${runledger.idempotency.retention:24h}") Duration retention) {

    @Scheduled(fixedDelayString = "${runledger.idempotency.purge-interval:1h}", initialDelayString = "1m")
    void purgeExpired() {
        purgeOlderThan(clock.instant().minus(retention));
    }

    /** @return how many keys were forgotten */
    public int purgeOlderThan(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < ? and scope not like ?")
                .params(Timestamp.from(cutoff), "%:" + IdempotentRequests.QUEUE_RUN)
                .update();
    }
}
