package io.runledger.query.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of a run's or generation's status: the read model is polled while a client listens,
 * each change is sent once as a {@code status} event with the whole view, and the stream ends with the
 * job. Polling the projection keeps every instance able to serve any stream, with no state to share.
 */
@Component
public class StatusStreams {

    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "status-streams");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration interval;
    private final Duration maxDuration;

    StatusStreams(@Value("${runledger.streams.poll-interval:500ms}") Duration interval,
            @Value("${runledger.streams.max-duration:30m}") Duration maxDuration) {
        this.interval = interval;
        this.maxDuration = maxDuration;
    }

    /**
     * @param read     the current view, empty if it is gone
     * @param status   what, changing, makes an event
     * @param finished whether the view is final, which ends the stream after it is sent
     */
    public <T> SseEmitter follow(Supplier<Optional<T>> read, Function<T, String> status, Predicate<T> finished) {
        SseEmitter emitter = new SseEmitter(maxDuration.toMillis());
        AtomicReference<String> lastSent = new AtomicReference<>();
        AtomicBoolean over = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> polling = new AtomicReference<>();
        // the first poll may run before its future is known: a stream that is over cancels it when it is
        Runnable stop = () -> {
            over.set(true);
            Optional.ofNullable(polling.get()).ifPresent(future -> future.cancel(false));
        };
        polling.set(pollers.scheduleWithFixedDelay(() -> {
            if (over.get()) {
                stop.run();
                return;
            }
            try {
                Optional<T> view = read.get();
                if (view.isEmpty()) {
                    return;
                }
                String now = status.apply(view.get());
                if (!Objects.equals(now, lastSent.get())) {
                    emitter.send(SseEmitter.event().name("status").data(view.get()));
                    lastSent.set(now);
                }
                if (finished.test(view.get())) {
                    stop.run();
                    emitter.complete();
                }
            } catch (IOException | RuntimeException clientGoneOrReadFailed) {
                stop.run();
                emitter.completeWithError(clientGoneOrReadFailed);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS));
        if (over.get()) {
            stop.run();
        }
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(failure -> stop.run());
        return emitter;
    }

    @PreDestroy
    void stop() {
        pollers.shutdownNow();
    }
}
