package io.runledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A processor that has caught up learns of a new event when it is committed, not when its wait runs out. */
@RunledgerIntegrationTest
class WakeOnCommitTest extends ApiTest {

    @Autowired
    Configuration axon;

    @Test
    void a_waiting_stream_sees_a_commit_at_once_instead_of_after_its_wait() throws Exception {
        WakeOnCommit source = axon.getComponent(WakeOnCommit.class);
        String owner = api.tokenFor("woken@example.com");
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            CompletableFuture<Boolean> found = waitingOn(stream);

            api.createOrg(owner, "Woken Inc");

            assertThat(found.get(15, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Waits on {@code stream} for 60 seconds, as a caught-up processor waits (Axon's store would then answer false). */
    static CompletableFuture<Boolean> waitingOn(BlockingStream<TrackedEventMessage<?>> stream) {
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            try {
                return stream.hasNextAvailable(60, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.TIMED_WAITING);
        return found;
    }
}
