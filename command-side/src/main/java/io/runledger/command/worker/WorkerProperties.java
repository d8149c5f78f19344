package io.runledger.command.worker;

import java.time.Duration;
import java.util.List;

import io.runledger.command.settings.ListSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How workers are admitted and held to their leases.
 *
 * @param tokens           worker credentials, each {@code name:secret} or a bare secret (named {@code worker});
 *                         {@code RUNLEDGER_WORKER_TOKENS}
 * @param lease            how long a claim or a report keeps a job with its worker
 * @param maxAttempts      leases that may expire before the job fails for good
 * @param maxInlineOutput  the largest output body sent inline; larger ones are uploaded and sent as {@code contentUrl}
 * @param sweepInterval    how often expired leases are looked for
 */
@ConfigurationProperties("runledger.worker")
public record WorkerProperties(
        List<String> tokens, Duration lease, Integer maxAttempts, DataSize maxInlineOutput, Duration sweepInterval) {

    public WorkerProperties {
        tokens = ListSetting.values(tokens);
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        maxInlineOutput = maxInlineOutput == null ? DataSize.ofKilobytes(256) : maxInlineOutput;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
    }
}
