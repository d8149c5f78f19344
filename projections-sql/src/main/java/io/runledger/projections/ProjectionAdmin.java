package io.runledger.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.runledger.projections.deadletter.DeadLetters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read models' processors as an operator sees them, and their rebuild from the event store. */
@Component
public class ProjectionAdmin {

    private final EventProcessingConfiguration processing;
    private final ProcessorTokens tokens;
    private final DeadLetters deadLetters;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();

    ProjectionAdmin(EventProcessingConfiguration processing, ProcessorTokens tokens, DeadLetters deadLetters,
            JdbcClient jdbc, Clock clock) {
        this.processing = processing;
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * As the token store has it, whichever instances hold the segments.
     *
     * @param running         whether this instance's processor is running (it may hold no segment)
     * @param position        the last event every segment has handled (null before the first)
     * @param head            the store's last event
     * @param lagSeconds      how long the oldest event not yet handled has waited
     * @param eventsPerSecond progress since the previous look at this processor (0 on the first)
     * @param deadLetters     events parked in its dead-letter queue (GET …/{name}/dead-letters lists them)
     */
    public record ProjectionState(String name, boolean running, boolean replaying, int segments, Long position, long head,
                                  long lagEvents, double lagSeconds, double eventsPerSecond, long deadLetters) {
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
     * processor on other instances first. Refused while the processor holds dead letters: they would be
     * replayed into the same failure and the tables left emptier than before.
     */
    public ProjectionState replay(String name) {
        StreamingEventProcessor processor = processor(name);
        long parked = deadLetters.count(name);
        if (parked > 0) {
            throw new DeadLettersPending(name, parked);
        }
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
        ProcessorTokens.Progress progress = tokens.of(name);
        long handled = progress.position() == null ? 0 : progress.position();
        Instant now = clock.instant();
        Sample previous = lastSamples.put(name, new Sample(handled, now));
        double rate = previous == null || !now.isAfter(previous.at()) ? 0
                : (handled - previous.position()) * 1000.0 / Duration.between(previous.at(), now).toMillis();
        long lag = Math.max(0, head - handled);
        return new ProjectionState(name, processor.isRunning(), progress.replaying(), progress.segments(),
                progress.position(), head, lag, lag == 0 ? 0 : waitingSince(handled, now), Math.max(0, rate),
                deadLetters.count(name));
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

    /** A replay asked of a processor that still holds parked events. */
    public static class DeadLettersPending extends RuntimeException {
        public DeadLettersPending(String name, long parked) {
            super(name + " holds " + parked + " dead letter(s): retry them (POST …/" + name + "/dead-letters/retry) or "
                    + "evict them (DELETE …/" + name + "/dead-letters/{sequenceId}) before replaying, so the rebuild does "
                    + "not leave the read model emptier than it is");
        }
    }
}
