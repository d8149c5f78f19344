package io.runledger.infra.axon;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;

/**
 * Since when each processor has been failing to get past a batch (Axon retries it with back-off), as its
 * tracker statuses report it: a failing event is parked within moments, so a processor that stays in error is
 * one whose failure cannot even be parked (the database refuses, the queue is full) and needs an operator.
 */
public final class ProcessorFailures {

    private final Clock clock;
    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();

    public ProcessorFailures(Clock clock) {
        this.clock = clock;
    }

    EventTrackerStatusChangeListener listenerFor(String processor) {
        return statuses -> statuses.forEach((segment, status) -> update(processor + "/" + segment, status));
    }

    private void update(String segment, EventTrackerStatus status) {
        if (status.isErrorState() && !status.trackerRemoved()) {
            failingSince.putIfAbsent(segment, clock.instant());
        } else {
            failingSince.remove(segment);
        }
    }

    /** The earliest moment a segment of the processor started failing, if one is failing now. */
    public Optional<Instant> failingSince(String processor) {
        return failingSince.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(processor + "/"))
                .map(Map.Entry::getValue)
                .min(Instant::compareTo);
    }
}
