package io.runledger.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.runledger.projections.deadletter.DeadLetters;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The read models as an operator sees them, and their rebuild from the event store. */
@Component
public class ProjectionAdmin {

    /** how long a replay waits for the restarted processor to claim its segments */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final ProcessorTokens tokens;
    private final DeadLetters deadLetters;
    private final EventStore events;
    private final Clock clock;
    private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();

    ProjectionAdmin(EventProcessingConfiguration processing, ProcessorTokens tokens, DeadLetters deadLetters,
            EventStore events, Clock clock) {
        this.processing = processing;
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.events = events;
        this.clock = clock;
    }

    /**
     * As the token store has it, whichever instances hold the segments.
     *
     * @param running         whether this instance's processor is running (it may hold no segment)
     * @param replaying       whether this read model is being rebuilt
     * @param position        the last event every segment has handled (null before the first)
     * @param head            the store's last event
     * @param lagSeconds      how long the oldest event not yet handled has waited
     * @param eventsPerSecond progress since the previous look at this read model (0 on the first)
     * @param deadLetters     events parked in its dead-letter queue (GET …/{name}/dead-letters lists them)
     * @param expectedCaughtUpAt when it reaches the head at {@code eventsPerSecond}: null without lag or progress
     */
    public record ProjectionState(String name, boolean running, boolean replaying, int segments, Long position, long head,
                                  long lagEvents, double lagSeconds, double eventsPerSecond, long deadLetters,
                                  Instant expectedCaughtUpAt) {
    }

    private record Sample(long position, Instant at) {
    }

    /** What every read model's state is read from: one look at the processor's tokens and at the store. */
    private record Snapshot(boolean running, ProcessorTokens.Progress progress, long head, double lagSeconds, Instant at) {
    }

    public List<ProjectionState> states() {
        Snapshot snapshot = snapshot();
        return ReadModelProcessors.NAMES.stream().map(name -> state(name, snapshot)).toList();
    }

    public ProjectionState state(String name) {
        requireKnown(name);
        return state(name, snapshot());
    }

    /** Rebuilds one read model ({@link #replay(Collection)}). */
    public ProjectionState replay(String name) {
        replay(List.of(name));
        return state(name);
    }

    /**
     * Stops the read models' processor, resets its token to the start of the store with the names to rebuild
     * (their projectors empty their tables; the other read models pass over the events they already hold), and
     * starts it again; it catches up while the service serves. A replay already under way starts again with its
     * read models and these. Needs every segment free: stop the processor on other instances first. Refused while
     * any read model holds dead letters: they would be replayed into the same failure and the tables left emptier
     * than before, and a parked tenant's replayed events would queue up behind its dead letters. One replay at a
     * time, each returning once the processor has claimed its segments again: Axon's processor, stopped while it
     * is still starting, can stay without a worker.
     */
    public synchronized void replay(Collection<String> names) {
        names.forEach(ProjectionAdmin::requireKnown);
        for (String readModel : ReadModelProcessors.NAMES) {
            long parked = deadLetters.count(readModel);
            if (parked > 0) {
                throw new DeadLettersPending(readModel, parked);
            }
        }
        StreamingEventProcessor processor = processor();
        ProcessorTokens.Progress progress = tokens.of(ReadModelProcessors.PROCESSOR);
        Set<String> rebuilt = new LinkedHashSet<>();
        ReadModelProcessors.NAMES.stream().filter(name -> names.contains(name) || progress.replaying(name))
                .forEach(rebuilt::add);
        processor.shutDown();
        try {
            processor.resetTokens(ReadModelProcessors.rebuildContext(rebuilt));
        } finally {
            processor.start();
        }
        rebuilt.forEach(lastSamples::remove);
        awaitClaimed(processor);
    }

    private static void awaitClaimed(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Snapshot snapshot() {
        ProcessorTokens.Progress progress = tokens.of(ReadModelProcessors.PROCESSOR);
        long head = head();
        long handled = progress.position() == null ? 0 : progress.position();
        Instant now = clock.instant();
        return new Snapshot(processor().isRunning(), progress, head, head > handled ? waitingSince(progress.slowest(), now) : 0, now);
    }

    private ProjectionState state(String name, Snapshot snapshot) {
        ProcessorTokens.Progress progress = snapshot.progress();
        long handled = progress.position() == null ? 0 : progress.position();
        Sample previous = lastSamples.put(name, new Sample(handled, snapshot.at()));
        double rate = previous == null || !snapshot.at().isAfter(previous.at()) ? 0
                : (handled - previous.position()) * 1000.0 / Duration.between(previous.at(), snapshot.at()).toMillis();
        long lag = Math.max(0, snapshot.head() - handled);
        Instant caughtUp = lag == 0 || rate <= 0 ? null : snapshot.at().plusMillis((long) (lag * 1000 / rate));
        return new ProjectionState(name, snapshot.running(), progress.replaying(name), progress.segments(),
                progress.position(), snapshot.head(), lag, lag == 0 ? 0 : snapshot.lagSeconds(), Math.max(0, rate),
                deadLetters.count(name), caughtUp);
    }

    private static void requireKnown(String name) {
        if (!ReadModelProcessors.NAMES.contains(name)) {
            throw new UnknownProjection(name);
        }
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(ReadModelProcessors.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + ReadModelProcessors.PROCESSOR));
    }

    /** The store's last event, as the event store itself tells it (the PostgreSQL store and Axon Server alike). */
    private long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? 0 : Math.max(0, head.position().orElse(0));
    }

    /** Since when the oldest event not yet handled has waited: the next one the slowest segment reads, as the store streams it. */
    private double waitingSince(TrackingToken handled, Instant now) {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(handled)) {
            return stream.hasNextAvailable(1, TimeUnit.SECONDS)
                    ? Duration.between(stream.nextAvailable().getTimestamp(), now).toMillis() / 1000.0 : 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Not one of {@link ReadModelProcessors#NAMES}. */
    public static class UnknownProjection extends RuntimeException {
        public UnknownProjection(String name) {
            super("No read model " + name + "; known: " + String.join(", ", ReadModelProcessors.NAMES));
        }
    }

    /** A replay asked while a read model still holds parked events. */
    public static class DeadLettersPending extends RuntimeException {
        public DeadLettersPending(String name, long parked) {
            super(name + " holds " + parked + " dead letter(s): retry them (POST …/" + name + "/dead-letters/retry) or "
                    + "evict them (DELETE …/" + name + "/dead-letters/{sequenceId}) before replaying, so the rebuild does "
                    + "not leave the read model emptier than it is");
        }
    }
}
