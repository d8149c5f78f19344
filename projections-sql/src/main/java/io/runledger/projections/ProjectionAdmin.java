package io.runledger.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read models' processors as an operator sees them, and their rebuild from the event store. */
@Component
public class ProjectionAdmin {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();

    ProjectionAdmin(EventProcessingConfiguration processing, JdbcClient jdbc, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param position       the last event every segment has handled (null before the first); segments held by
     *                       other instances are not seen here
     * @param head           the store's last event
     * @param lagSeconds     how long the oldest event not yet handled has waited
     * @param eventsPerSecond progress since the previous look at this processor (0 on the first)
     */
    public record ProjectionState(String name, boolean running, boolean replaying, int segments, Long position, long head,
                                  long lagEvents, double lagSeconds, double eventsPerSecond) {
    }

    private record Sample(long position, Instant at) {
    }

    public List<ProjectionState> states() {
        long head = head();
        return ReadModelProcessors.NAMES.stream().map(name -> state(name, head)).toList();
    }

    public ProjectionState state(String name) {
        return state(name, head());
    }

    /**
     * Stops the processor, resets its tokens to the start of the store (its projector empties its tables),
     * and starts it again; it catches up while the service serves. Needs every segment free: stop the
     * processor on other instances first.
     */
    public ProjectionState replay(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
        lastSamples.remove(name);
        return state(name);
    }

    private ProjectionState state(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = segments.isEmpty() ? null : segments.values().stream()
                .map(status -> status.getCurrentPosition().orElse(-1L))
                .min(Long::compare).orElseThrow();
        long handled = position == null || position < 0 ? 0 : position;
        Instant now = clock.instant();
        Sample previous = lastSamples.put(name, new Sample(handled, now));
        double rate = previous == null || !now.isAfter(previous.at()) ? 0
                : (handled - previous.position()) * 1000.0 / Duration.between(previous.at(), now).toMillis();
        long lag = Math.max(0, head - handled);
        return new ProjectionState(name, processor.isRunning(), processor.isReplaying(), segments.size(), position, head,
                lag, lag == 0 ? 0 : waitingSince(handled, now), Math.max(0, rate));
    }

    private StreamingEventProcessor processor(String name) {
        if (!ReadModelProcessors.NAMES.contains(name)) {
            throw new UnknownProjection(name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() -> new UnknownProjection(name));
    }

    private long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    private double waitingSince(long handled, Instant now) {
        return jdbc.sql("select time_stamp from domain_event_entry where global_index > ? order by global_index limit 1")
                .param(handled).query(String.class).optional()
                .map(stamp -> Duration.between(Instant.parse(stamp), now).toMillis() / 1000.0).orElse(0.0);
    }

    /** Not one of {@link ReadModelProcessors#NAMES}. */
    public static class UnknownProjection extends RuntimeException {
        public UnknownProjection(String name) {
            super("No read model " + name + "; known: " + String.join(", ", ReadModelProcessors.NAMES));
        }
    }
}
