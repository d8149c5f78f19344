package io.runledger.projections;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** Events per second of each read model and of a rebuild, each measured since the previous look at it. */
@Component
class ProgressRates {

    private record Sample(long position, Instant at) {}

    private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();

    /** Events per second under {@code key} since the previous look at it (0 on the first). */
    double since(String key, long handled, Instant at) {
        Sample previous = lastSamples.put(key, new Sample(handled, at));
        if (previous == null || !at.isAfter(previous.at()) || handled < previous.position()) {
            return 0;
        }
        return (handled - previous.position())
                * 1000.0
                / Duration.between(previous.at(), at).toMillis();
    }
}
