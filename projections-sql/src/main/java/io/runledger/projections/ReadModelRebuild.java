package io.runledger.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.runledger.projections.deadletter.DeadLetters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild of read models beside their live tables, without downtime (docs/read-models.md, ADR 0015).
 *
 * <ol>
 *   <li>Empty shadow tables are made from the live ones ({@link ShadowTables}) and a processor of their own
 *   ({@link ReadModelProcessors#REBUILD_PROCESSOR}) feeds the rebuilt read models' projectors from the start of
 *   the store, its transactions writing to the shadows. The live processor goes on as before, and queries read
 *   the live tables.</li>
 *   <li>Once it has caught up with the live processor, the shadows get their other indexes and foreign keys.</li>
 *   <li>Caught up again, the swap: under an advisory lock ({@link #SWAP_LOCK}), the live processor is stopped, the
 *   rebuild let reach it and stopped, and in one transaction the live tables are dropped and the shadows take their
 *   names; the rebuild's token is recorded ({@link RebuiltThrough}) in the same transaction. The live processor
 *   then starts again, passing over, for the rebuilt read models, the few events the rebuild handled beyond it.</li>
 * </ol>
 * A swap waits while a rebuilt read model holds dead letters: they were parked by the live tables, which the swap
 * drops. One rebuild at a time; this instance must hold every segment of the live processor.
 */
@Component
public class ReadModelRebuild implements SmartLifecycle {

    /** The advisory lock every swap takes: one at a time across instances; an operator holding it holds swaps back. */
    public static final long SWAP_LOCK = 0x526c_5377_6170L;

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration TICK = Duration.ofMillis(200);
    /** how long the live processor stands while the rebuild reaches it, before the swap is given up and retried */
    private static final Duration REACH_WAIT = Duration.ofSeconds(10);
    /** how long a restart waits for a processor to claim its segments: Axon's, stopped while starting, can stay without a worker */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);

    public enum Phase {
        /** the projectors fill the shadow tables from the store */
        BUILDING,
        /** caught up once: the shadows get their other indexes and foreign keys */
        INDEXING,
        /** caught up and indexed, held back: the advisory lock is taken elsewhere */
        WAITING_FOR_SWAP_LOCK,
        /** caught up and indexed, held back: a rebuilt read model holds dead letters (retry or evict them) */
        WAITING_FOR_DEAD_LETTERS,
        /** the live processor stands while the rebuild reaches it and the tables are swapped */
        SWAPPING
    }

    /** A rebuild under way; {@code problem} is its last failure, if the latest attempt failed. */
    public record Status(Set<String> readModels, Phase phase, Instant startedAt, boolean indexed, String problem) {

        private Status in(Phase next) {
            return new Status(readModels, next, startedAt, indexed, null);
        }

        private Status failed(String cause) {
            return new Status(readModels, phase, startedAt, indexed, cause);
        }
    }

    private final EventProcessingConfiguration processing;
    private final RebuildProcessors processors;
    private final ShadowTables shadows;
    private final RebuiltThrough rebuiltThrough;
    private final ProcessorTokens tokens;
    private final DeadLetters deadLetters;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private ScheduledExecutorService ticks;
    private volatile Status status;
    private StreamingEventProcessor processor;

    ReadModelRebuild(
            EventProcessingConfiguration processing,
            RebuildProcessors processors,
            ShadowTables shadows,
            RebuiltThrough rebuiltThrough,
            ProcessorTokens tokens,
            DeadLetters deadLetters,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.processing = processing;
        this.processors = processors;
        this.shadows = shadows;
        this.rebuiltThrough = rebuiltThrough;
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The rebuild under way, if any. */
    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }

    /**
     * Starts rebuilding {@code readModels}; a rebuild already under way starts again from the start of the store,
     * with its read models and these.
     */
    synchronized void start(Collection<String> readModels) {
        StreamingEventProcessor live = live();
        if (live.processingStatus().size()
                < tokens.of(ReadModelProcessors.PROCESSOR).segments()) {
            throw new SegmentsElsewhere();
        }
        Set<String> rebuilt = new LinkedHashSet<>();
        ReadModelProcessors.NAMES.stream()
                .filter(name -> readModels.contains(name)
                        || (status != null && status.readModels().contains(name)))
                .forEach(rebuilt::add);
        stopProcessor();
        transactions.executeWithoutResult(transaction -> {
            shadows.create(tablesOf(rebuilt));
            forgetRebuildTokens();
        });
        processor = processors.create(rebuilt, shadows::loadHere);
        processor.start();
        status = new Status(Set.copyOf(rebuilt), Phase.BUILDING, clock.instant(), false, null);
        log.info("Rebuilding {} beside the live tables, in schema {}", rebuilt, ShadowTables.SCHEMA);
    }

    private synchronized void tick() {
        try {
            rebuiltThrough.forgetPassed();
            Status current = status;
            if (current == null) {
                return;
            }
            if (!reachedLive(tokens.tokens(ReadModelProcessors.PROCESSOR))) {
                status = current.phase() == Phase.BUILDING ? current : current.in(Phase.BUILDING);
                return;
            }
            if (!current.indexed()) {
                status = current.in(Phase.INDEXING);
                transactions.executeWithoutResult(transaction -> shadows.finishLoad(tablesOf(current.readModels())));
                status = new Status(current.readModels(), Phase.BUILDING, current.startedAt(), true, null);
                return;
            }
            swap(current);
        } catch (RuntimeException failed) {
            log.warn(
                    "Rebuild of {} failed this time, tried again",
                    status == null ? "nothing" : status.readModels(),
                    failed);
            if (status != null) {
                status = status.failed(String.valueOf(failed.getMessage()));
            }
        }
    }

    /**
     * The swap (see above). The live processor is stopped only inside it, and started again once the swap has
     * committed or failed: a failure leaves the live tables as they were and the rebuild going on.
     */
    private void swap(Status current) {
        StreamingEventProcessor live = live();
        AtomicBoolean liveStopped = new AtomicBoolean();
        boolean swappedIn = false;
        try {
            Optional<TrackingToken> swapped = transactions.execute(transaction -> {
                if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                        .param(SWAP_LOCK)
                        .query(Boolean.class)
                        .single()) {
                    status = current.in(Phase.WAITING_FOR_SWAP_LOCK);
                    return null;
                }
                if (current.readModels().stream().anyMatch(readModel -> deadLetters.count(readModel) > 0)) {
                    status = current.in(Phase.WAITING_FOR_DEAD_LETTERS);
                    return null;
                }
                status = current.in(Phase.SWAPPING);
                live.shutDown();
                liveStopped.set(true);
                awaitReached(tokens.tokens(ReadModelProcessors.PROCESSOR));
                processor.shutDown();
                List<TrackingToken> rebuilt = tokens.tokens(ReadModelProcessors.REBUILD_PROCESSOR);
                shadows.swapIn(tablesOf(current.readModels()));
                rebuiltThrough.record(current.readModels());
                forgetRebuildTokens();
                return Optional.ofNullable(rebuilt.get(0));
            });
            if (swapped != null) {
                swapped.ifPresent(token -> rebuiltThrough.remember(current.readModels(), token));
                processor = null;
                swappedIn = true;
            }
        } catch (RuntimeException failed) {
            if (processor != null && !processor.isRunning()) {
                processor.start();
            }
            throw failed;
        } finally {
            if (liveStopped.get()) {
                live.start();
                awaitClaimed(live);
            }
        }
        if (swappedIn) {
            status = null; // only now: until the live processor runs again, the swap is what pauses it
            log.info("Swapped in the rebuilt {}", current.readModels());
        }
    }

    /** Whether the rebuild has seen every event each of the live processor's segments has. */
    private boolean reachedLive(List<TrackingToken> live) {
        List<TrackingToken> rebuilt = tokens.tokens(ReadModelProcessors.REBUILD_PROCESSOR);
        if (rebuilt.size() != 1) {
            return false;
        }
        TrackingToken rebuiltToken = rebuilt.get(0);
        return live.stream().allMatch(token -> token == null || rebuiltToken != null && rebuiltToken.covers(token));
    }

    private void awaitReached(List<TrackingToken> live) {
        long deadline = System.nanoTime() + REACH_WAIT.toNanos();
        while (!reachedLive(live)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The rebuild did not reach the live processor within " + REACH_WAIT);
            }
            pause();
        }
    }

    private static void awaitClaimed(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", interrupted);
        }
    }

    private void stopProcessor() {
        if (processor != null) {
            processor.shutDown();
            processor = null;
        }
    }

    private void forgetRebuildTokens() {
        jdbc.sql("delete from token_entry where processor_name = ?")
                .param(ReadModelProcessors.REBUILD_PROCESSOR)
                .update();
    }

    private static List<String> tablesOf(Collection<String> readModels) {
        return readModels.stream()
                .flatMap(readModel -> ReadModelProcessors.tables(readModel).stream())
                .toList();
    }

    private StreamingEventProcessor live() {
        return processing
                .eventProcessor(ReadModelProcessors.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + ReadModelProcessors.PROCESSOR));
    }

    @Override
    public synchronized void start() {
        ticks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "read-model-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        ticks.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A rebuild under way stops with the service; its shadow schema stays until the next replay starts over. */
    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = ticks;
            ticks = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
        synchronized (this) {
            stopProcessor();
            status = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticks != null;
    }

    /** Another instance holds a segment of the live processor, which this one cannot stop for the swap. */
    public static class SegmentsElsewhere extends RuntimeException {
        public SegmentsElsewhere() {
            super("Another instance holds a segment of " + ReadModelProcessors.PROCESSOR
                    + ": a rebuild stops it for the " + "swap, so stop the processor on the other instances first");
        }
    }
}
