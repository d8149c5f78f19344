package io.runledger.infra.axon;

import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.springframework.stereotype.Component;

/**
 * Axon's message timers (command bus, event store, every event processor) without the six percentiles Axon's
 * Micrometer module has each compute in the process: recording into their HdrHistograms, for every command and for
 * every event in every processor, was a quarter of the CPU of appending a command (BENCHMARKS.md). The timers keep
 * their count, total and maximum, from which Prometheus computes rates and mean times.
 */
@Component
class AxonTimersWithoutPercentiles implements MeterFilter {

    /** The timers of Axon's {@code MessageTimerMonitor}, as they end its meters' names. */
    private static final List<String> AXON_TIMERS =
            List.of(".allTimer", ".successTimer", ".failureTimer", ".ignoredTimer");

    private static final DistributionStatisticConfig NO_PERCENTILES =
            DistributionStatisticConfig.builder().percentiles(new double[0]).build();

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || AXON_TIMERS.stream().noneMatch(id.getName()::endsWith)) {
            return config;
        }
        return NO_PERCENTILES.merge(config);
    }
}
