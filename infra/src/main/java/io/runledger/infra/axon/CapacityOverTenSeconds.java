package io.runledger.infra.axon;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.stereotype.Component;

/**
 * Axon's meters for processors and buses, with their capacity gauge (the share of time spent handling) measured over
 * the last ten seconds instead of Axon's ten minutes. Axon's {@code CapacityMonitor} keeps one entry per message
 * handled for its whole window: catching up a million events, the processors held millions of them, several hundred
 * megabytes, and a 256 MB heap ran out (docs/audit.md). Ten seconds bound them by ten seconds of throughput and still
 * give a scrape every 15 s a current figure. The other meters are Axon's own, built as Axon builds them.
 */
@Component
class CapacityOverTenSeconds extends GlobalMetricRegistry {

    private static final long WINDOW_SECONDS = 10;

    CapacityOverTenSeconds(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(name)
                        .meterRegistry(getRegistry())
                        .tagsBuilder(latencyTags)
                        .build(),
                capacity(name, tags),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    private MessageMonitor<Message<?>> handlers(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                capacity(name, tags),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
    }

    private CapacityMonitor capacity(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return CapacityMonitor.buildMonitor(name, getRegistry(), WINDOW_SECONDS, TimeUnit.SECONDS, tags);
    }
}
