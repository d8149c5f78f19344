package io.runledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.pattern.RegisterPattern;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A processor that has caught up learns of a new event when it is committed, not when its wait runs out. */
@RunledgerIntegrationTest
class WakeOnCommitTest extends ApiTest {

    @Autowired
    Configuration axon;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

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

    @Test
    void events_appended_within_a_callers_transaction_wake_a_waiting_stream_when_that_transaction_commits()
            throws Exception {
        WakeOnCommit source = axon.getComponent(WakeOnCommit.class);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            CompletableFuture<Boolean> found = waitingOn(stream);

            // as a run is queued with its allowance: the command's unit of work joins the caller's transaction
            transactions.executeWithoutResult(transaction -> {
                try (CallerContext.Binding system = CallerContext.bind(Caller.system())) {
                    commands.sendAndWait(new RegisterPattern(
                            UUID.randomUUID(), "woken-" + UUID.randomUUID(), "Woken", "analysis", "single-pass"));
                }
                // the caller goes on working before it commits: a stream woken now would find nothing, then wait
                sleep(Duration.ofMillis(500));
                assertThat(found).isNotDone();
            });

            assertThat(found.get(15, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
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
