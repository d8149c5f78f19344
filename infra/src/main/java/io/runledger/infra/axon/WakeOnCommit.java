package io.runledger.infra.axon;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The embedded event store as the tracking processors follow it: a processor that has caught up is woken by the
 * next commit of events in this instance, instead of looking again only when its wait (Axon's one second) runs
 * out. Each processor reads the store on its own (no shared cache of recent events, so the heap stays bounded:
 * {@code AxonStorageConfiguration}), and Axon's embedded store then wakes nobody on a commit; this does, at the
 * cost of one query per processor per commit that finds it waiting. Events another instance appends are still
 * found by the wait running out.
 */
final class WakeOnCommit implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final String REGISTERED = WakeOnCommit.class.getName();

    private final EventStore store;
    private final Object signal = new Object();
    private long commits;

    private WakeOnCommit(EventStore store) {
        this.store = store;
    }

    /** Follows every commit of events to {@code store}. */
    static WakeOnCommit following(EventStore store) {
        WakeOnCommit source = new WakeOnCommit(store);
        store.subscribe(events -> {
            if (!CurrentUnitOfWork.isStarted()) {
                source.committed();
                return;
            }
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(REGISTERED, key -> {
                root.afterCommit(committed -> source.committed());
                return Boolean.TRUE;
            });
        });
        return source;
    }

    private void committed() {
        synchronized (signal) {
            commits++;
            signal.notifyAll();
        }
    }

    private long commits() {
        synchronized (signal) {
            return commits;
        }
    }

    /** Waits until a commit after {@code seen}, or for at most {@code nanos}. */
    private void awaitCommitAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (signal) {
            for (long left = nanos; commits == seen && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
        }
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
    public TrackingToken createTokenAt(java.time.Instant at) {
        return store.createTokenAt(at);
    }

    private final class Woken implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;

        private Woken(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        /** Looks at once, then after each commit, until the time runs out. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = commits();
                if (events.hasNextAvailable(0, TimeUnit.NANOSECONDS)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                awaitCommitAfter(seen, left);
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
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
