package io.runledger.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.runledger.projections.deadletter.DeadLetters;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The read models as an operator sees them, and their rebuild from the event store beside the live tables.
 *
 * @param rates what each look at progress is measured against: the look before it
 */
@Component
public record ProjectionAdmin(
        EventProcessingConfiguration processing,
        ProcessorTokens tokens,
        DeadLetters deadLetters,
        ReadModelRebuild rebuild,
        EventStore events,
        Clock clock,
        ProgressRates rates) {

    /**
     * As the token store has it, whichever instances hold the segments. The position, lag and rate are the live
     * tables', which queries read; a rebuild under way reports its own in {@code rebuild}.
     *
     * @param running         whether this instance's processor is running (it may hold no segment), or paused for
     *                        the moment of a rebuild's swap, which starts it again
     * @param replaying       whether this read model is being rebuilt (until its new tables are swapped in)
     * @param position        the last event every segment has handled (null before the first)
     * @param head            the store's last event
     * @param lagSeconds      how long the oldest event not yet handled has waited
     * @param eventsPerSecond progress since the previous look at this read model (0 on the first)
     * @param deadLetters     events parked in its dead-letter queue (GET …/{name}/dead-letters lists them)
     * @param expectedCaughtUpAt when it reaches the head at {@code eventsPerSecond}: null without lag or progress
     * @param rebuild         the rebuild under way, null without one
     */
    public record ProjectionState(
            String name,
            boolean running,
            boolean replaying,
            int segments,
            @Nullable Long position,
            long head,
            long lagEvents,
            double lagSeconds,
            double eventsPerSecond,
            long deadLetters,
            @Nullable Instant expectedCaughtUpAt,
            @Nullable RebuildProgress rebuild) {}

    /**
     * A rebuild as it goes, shared by the read models it rebuilds.
     *
     * @param readModels       what it rebuilds together
     * @param phase            {@link ReadModelRebuild.Phase}, in lower case
     * @param position         the last event it has written to the new tables (null before the first)
     * @param lagEvents        events of the store it has still to handle
     * @param eventsPerSecond  its progress since the previous look (0 on the first)
     * @param expectedFinishAt when it reaches the head at that rate: null without lag or progress; the swap follows
     * @param problem          why its latest attempt failed (it is tried again), null if it did not
     */
    public record RebuildProgress(
            Set<String> readModels,
            String phase,
            Instant startedAt,
            @Nullable Long position,
            long head,
            long lagEvents,
            double eventsPerSecond,
            @Nullable Instant expectedFinishAt,
            @Nullable String problem) {}

    /** What every read model's state is read from: one look at the processors' tokens and at the store. */
    private record Snapshot(
            boolean running,
            ProcessorTokens.Progress progress,
            long head,
            double lagSeconds,
            RebuildProgress rebuild,
            Instant at) {}

    public List<ProjectionState> states() {
        Snapshot snapshot = snapshot();
        return ReadModelProcessors.NAMES.stream()
                .map(name -> state(name, snapshot))
                .toList();
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
     * Starts rebuilding the read models beside their live tables ({@link ReadModelRebuild}), which queries read
     * until the rebuilt ones are swapped in; it goes on while the service serves. A rebuild already under way
     * starts again with its read models and these. Needs every segment of the live processor on this instance:
     * stop the processor on other instances first. Refused while a read model to rebuild holds dead letters: they
     * would be replayed into the same failure, and the swap waits for them anyway.
     */
    public void replay(Collection<String> names) {
        names.forEach(ProjectionAdmin::requireKnown);
        for (String readModel : names) {
            long parked = deadLetters.count(readModel);
            if (parked > 0) {
                throw new DeadLettersPending(readModel, parked);
            }
        }
        rebuild.start(names);
    }

    private Snapshot snapshot() {
        ProcessorTokens.Progress progress = tokens.of(ReadModelProcessors.PROCESSOR);
        long head = head();
        long handled = progress.position() == null ? 0 : progress.position();
        Instant now = clock.instant();
        // one look at the rebuild, so the running flag and the progress describe the same phase
        Optional<ReadModelRebuild.Status> rebuilding = rebuild.status();
        boolean pausedForSwap = rebuilding
                .filter(status -> status.phase() == ReadModelRebuild.Phase.SWAPPING)
                .isPresent();
        return new Snapshot(
                processor().isRunning() || pausedForSwap,
                progress,
                head,
                head > handled ? waitingSince(progress.slowest(), now) : 0,
                rebuilding.map(status -> rebuildProgress(status, head, now)).orElse(null),
                now);
    }

    private RebuildProgress rebuildProgress(ReadModelRebuild.Status status, long head, Instant now) {
        Long position = tokens.of(ReadModelProcessors.REBUILD_PROCESSOR).position();
        long handled = position == null ? 0 : position;
        double rate = rates.since(ReadModelProcessors.REBUILD_PROCESSOR, handled, now);
        long lag = Math.max(0, head - handled);
        return new RebuildProgress(
                status.readModels(),
                status.phase().name().toLowerCase(java.util.Locale.ROOT),
                status.startedAt(),
                position,
                head,
                lag,
                rate,
                expectedAt(now, lag, rate),
                status.problem());
    }

    private ProjectionState state(String name, Snapshot snapshot) {
        ProcessorTokens.Progress progress = snapshot.progress();
        long handled = progress.position() == null ? 0 : progress.position();
        double rate = rates.since(name, handled, snapshot.at());
        long lag = Math.max(0, snapshot.head() - handled);
        RebuildProgress rebuilding =
                snapshot.rebuild() != null && snapshot.rebuild().readModels().contains(name)
                        ? snapshot.rebuild()
                        : null;
        return new ProjectionState(
                name,
                snapshot.running(),
                rebuilding != null,
                progress.segments(),
                progress.position(),
                snapshot.head(),
                lag,
                lag == 0 ? 0 : snapshot.lagSeconds(),
                rate,
                deadLetters.count(name),
                expectedAt(snapshot.at(), lag, rate),
                rebuilding);
    }

    private static Instant expectedAt(Instant now, long lag, double rate) {
        return lag == 0 || rate <= 0 ? null : now.plusMillis((long) (lag * 1000 / rate));
    }

    private static void requireKnown(String name) {
        if (!ReadModelProcessors.NAMES.contains(name)) {
            throw new UnknownProjection(name);
        }
    }

    private StreamingEventProcessor processor() {
        return processing
                .eventProcessor(ReadModelProcessors.PROCESSOR, StreamingEventProcessor.class)
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
                    ? Duration.between(stream.nextAvailable().getTimestamp(), now)
                                    .toMillis()
                            / 1000.0
                    : 0;
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
                    + "evict them (DELETE …/" + name
                    + "/dead-letters/{sequenceId}) before replaying, so the rebuild does "
                    + "not replay them into the same failure");
        }
    }
}
