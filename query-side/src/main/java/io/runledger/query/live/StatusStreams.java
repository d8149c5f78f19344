package io.runledger.query.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of a run's or generation's status: the read model is polled while a client listens,
 * each change is sent once as a {@code status} event with the whole view, and the stream ends with the
 * job. Polling the projection keeps every instance able to serve any stream, with no state to share.
 * A poll that has nothing to send writes a comment line instead, so a client that went away is noticed at
 * the next poll or the one after (a write to a closed connection fails) and its polling stops; each caller
 * (person, API key) may hold {@code runledger.streams.max-per-caller} streams open at once.
 */
@Component
public class StatusStreams {

    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "status-streams");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Integer> openByCaller = new ConcurrentHashMap<>();
    private final Readers readers;
    private final Duration interval;
    private final Duration maxDuration;
    private final int maxPerCaller;

    StatusStreams(Readers readers, @Value("${runledger.streams.poll-interval:500ms}") Duration interval,
            @Value("${runledger.streams.max-duration:30m}") Duration maxDuration,
            @Value("${runledger.streams.max-per-caller:10}") int maxPerCaller) {
        this.readers = readers;
        this.interval = interval;
        this.maxDuration = maxDuration;
        this.maxPerCaller = maxPerCaller;
    }

    /**
     * @param read     the current view, empty if it is not readable yet
     * @param status   what, changing, makes an event
     * @param finished whether the view is final, which ends the stream after it is sent
     * @throws org.springframework.web.ErrorResponseException 429 {@code too-many-streams} when the caller holds
     *                                                        as many open streams as it may
     */
    public <T> SseEmitter follow(Supplier<Optional<T>> read, Function<T, String> status, Predicate<T> finished) {
        String caller = readers.callerMetadata().get("actor");
        if (openByCaller.merge(caller, 1, Integer::sum) > maxPerCaller) {
            release(caller);
            throw QueryProblems.tooMany("too-many-streams", "Too many open streams",
                    "A caller may follow at most %d streams at once; close one first".formatted(maxPerCaller));
        }
        SseEmitter emitter = new SseEmitter(maxDuration.toMillis());
        AtomicReference<String> lastSent = new AtomicReference<>();
        AtomicBoolean over = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> polling = new AtomicReference<>();
        // the first poll may run before its future is known: a stream that is over cancels it when it is
        Runnable stop = () -> {
            if (!over.getAndSet(true)) {
                release(caller);
            }
            Optional.ofNullable(polling.get()).ifPresent(future -> future.cancel(false));
        };
        polling.set(pollers.scheduleWithFixedDelay(() -> {
            if (over.get()) {
                stop.run();
                return;
            }
            try {
                Optional<T> view = read.get();
                String now = view.map(status).orElse(null);
                if (view.isPresent() && !Objects.equals(now, lastSent.get())) {
                    emitter.send(SseEmitter.event().name("status").data(view.get()));
                    lastSent.set(now);
                } else {
                    emitter.send(SseEmitter.event().comment(""));
                }
                if (view.isPresent() && finished.test(view.get())) {
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

    private void release(String caller) {
        openByCaller.computeIfPresent(caller, (name, open) -> open > 1 ? open - 1 : null);
    }

    @PreDestroy
    void stop() {
        pollers.shutdownNow();
    }
}
