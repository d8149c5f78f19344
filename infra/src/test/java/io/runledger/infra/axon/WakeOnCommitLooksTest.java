package io.runledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * When a stream asks the store (each look a query, two when it finds nothing): once a look found nothing, not
 * before a wake-up or the end of the caller's wait, and not before its pause has passed since that look, however
 * many commits wake it meanwhile.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WakeOnCommitLooksTest {

    private static final Duration PAUSE = Duration.ofMillis(300);

    private final Store store = new Store();
    private Consumer<List<? extends EventMessage<?>>> commits;
    private BlockingStream<TrackedEventMessage<?>> stream;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void a_stream_on_a_store() {
        EventStore events = mock(EventStore.class);
        when(events.openStream(any())).thenReturn(store);
        WakeOnCommit source = WakeOnCommit.following(events, PAUSE);
        ArgumentCaptor<Consumer<List<? extends EventMessage<?>>>> subscriber = ArgumentCaptor.forClass(Consumer.class);
        verify(events).subscribe(subscriber.capture());
        commits = subscriber.getValue();
        stream = source.openStream(null);
    }

    @Test
    void after_a_look_that_found_nothing_it_asks_again_only_when_woken() throws Exception {
        assertThat(stream.hasNextAvailable(0, TimeUnit.SECONDS)).isFalse();
        assertThat(stream.hasNextAvailable(0, TimeUnit.SECONDS)).isFalse();
        assertThat(stream.peek()).isEmpty();
        assertThat(store.looks).isEqualTo(1);

        store.holdsEvents = true;
        commits.accept(List.of());
        long woken = System.nanoTime();

        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.looks).isEqualTo(2);
        assertThat(System.nanoTime() - store.lastEmptyLook).isGreaterThanOrEqualTo(PAUSE.toNanos());
        assertThat(System.nanoTime() - woken).isLessThan(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void commits_within_its_pause_wake_it_for_one_look_when_the_pause_has_passed() throws Exception {
        assertThat(stream.hasNextAvailable(0, TimeUnit.SECONDS)).isFalse();
        for (int commit = 0; commit < 50; commit++) {
            commits.accept(List.of());
            assertThat(stream.hasNextAvailable(0, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(store.looks).isEqualTo(1);

        store.holdsEvents = true;
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.looks).isEqualTo(2);
    }

    @Test
    void unwoken_it_looks_once_more_when_the_callers_wait_runs_out() throws Exception {
        assertThat(stream.hasNextAvailable(0, TimeUnit.SECONDS)).isFalse();
        store.holdsEvents = true;
        long waiting = System.nanoTime();

        assertThat(stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(System.nanoTime() - waiting)
                .isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(store.looks).isEqualTo(2);
    }

    /** The store's own stream: counts its looks. */
    private static final class Store implements BlockingStream<TrackedEventMessage<?>> {

        volatile boolean holdsEvents;
        int looks;
        long lastEmptyLook;

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            looks++;
            if (!holdsEvents) {
                lastEmptyLook = System.nanoTime();
            }
            return holdsEvents;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            throw new AssertionError("asked only after a look found events");
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}
