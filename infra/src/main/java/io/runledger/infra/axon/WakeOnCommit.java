package io.runledger.infra.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The embedded event store as the tracking processors follow it: a processor that has caught up is woken by the
 * next commit of events, this instance's or (told by {@link CommitNotifications}) another's, instead of looking
 * again only when its wait (Axon's one second) runs out. Each processor reads the store on its own (no shared
 * cache of recent events, so the heap stays bounded: {@code AxonStorageConfiguration}), and Axon's embedded store
 * then wakes nobody on a commit; this does.
 *
 * <p>A look at the store is a query (two when it finds nothing), so a stream looks only when it may find
 * something: not again before a wake-up once a look found nothing (Axon asks several times per batch), and,
 * after a look that found nothing, not before its {@code pause} has passed since. An idle processor is woken at
 * once; under a stream of commits each processor looks once per pause and takes all that arrived meanwhile in one
 * batch, instead of one query and one transaction per commit.
 */
final class WakeOnCommit implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final String REGISTERED = WakeOnCommit.class.getName();
    private static final long NOTHING_KNOWN = -1;

    private final EventStore store;
    private final WakeUps wakeUps;
    private final long pauseNanos;

    private WakeOnCommit(EventStore store, WakeUps wakeUps, Duration pause) {
        this.store = store;
        this.wakeUps = wakeUps;
        this.pauseNanos = pause.toNanos();
    }

    /** Follows every commit of events to {@code store}; its streams look at most once per {@code pause} when woken. */
    static WakeOnCommit following(EventStore store, Duration pause) {
        WakeOnCommit source = new WakeOnCommit(store, new WakeUps(), pause);
        store.subscribe(events -> {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                source.afterSpringCommit();
                return;
            }
            if (!CurrentUnitOfWork.isStarted()) {
                source.wakeUps.committedHere();
                return;
            }
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(REGISTERED, key -> {
                root.afterCommit(committed -> source.wakeUps.committedHere());
                return Boolean.TRUE;
            });
        });
        return source;
    }

    /**
     * Wakes the streams once the Spring transaction the events were appended in commits. A command sent within a
     * transaction of its caller's (a run queued with its allowance, a worker's report with its lease) is appended by a
     * unit of work that joins it: Axon's "after commit" comes before the events are committed, and a stream woken
     * then finds nothing and waits out its whole wait (measured: a lag of seconds under the HTTP API's appends).
     */
    private void afterSpringCommit() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return; // one wake-up per transaction
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUps.committedHere();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WakeOnCommit.this);
            }
        });
    }

    /** The same store and wake-ups, for processors that may look more (or less) often. */
    WakeOnCommit pausing(Duration pause) {
        return new WakeOnCommit(store, wakeUps, pause);
    }

    /** Wakes every waiting stream: events were committed where this instance's commits are not seen. */
    void committedElsewhere() {
        wakeUps.wake();
    }

    /** Runs {@code action} after each commit of events in this instance (quickly: it runs on the committing thread). */
    void afterEachLocalCommit(Runnable action) {
        wakeUps.afterLocalCommit = action;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new Woken(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant at) {
        return store.createTokenAt(at);
    }

    /** Counts the wake-ups; a stream remembers the count it saw before a look that found nothing. */
    private static final class WakeUps {

        private long count;
        private volatile Runnable afterLocalCommit = () -> {};

        void committedHere() {
            wake();
            afterLocalCommit.run();
        }

        synchronized void wake() {
            count++;
            notifyAll();
        }

        synchronized long count() {
            return count;
        }

        /** Waits until a wake-up after {@code seen}, or for at most {@code nanos}. */
        synchronized void awaitAfter(long seen, long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            for (long left = nanos; count == seen && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private final class Woken implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        /** The wake-ups counted before the last look, if it found nothing; otherwise {@link #NOTHING_KNOWN}. */
        private long emptyAfter = NOTHING_KNOWN;

        private long emptySince;

        private Woken(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        /**
         * Looks when woken (once the pause has passed) and once more when the time runs out, as Axon's fetch delay
         * would: events whose commit woke nobody here are found by that look.
         */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = wakeUps.count();
                long left = deadline - System.nanoTime();
                if (seen == emptyAfter) {
                    if (left <= 0) {
                        return false;
                    }
                    wakeUps.awaitAfter(seen, left);
                    if (wakeUps.count() == seen) {
                        return look(seen);
                    }
                    continue;
                }
                long pauseLeft = emptyAfter == NOTHING_KNOWN ? 0 : emptySince + pauseNanos - System.nanoTime();
                if (pauseLeft > 0) {
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(pauseLeft, left));
                    continue;
                }
                if (look(seen)) {
                    return true;
                }
                if (deadline - System.nanoTime() <= 0) {
                    return false;
                }
            }
        }

        private boolean look(long seen) throws InterruptedException {
            if (events.hasNextAvailable(0, TimeUnit.NANOSECONDS)) {
                emptyAfter = NOTHING_KNOWN;
                return true;
            }
            emptyAfter = seen;
            emptySince = System.nanoTime();
            return false;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            try {
                return hasNextAvailable(0, TimeUnit.NANOSECONDS) ? events.peek() : Optional.empty();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}
