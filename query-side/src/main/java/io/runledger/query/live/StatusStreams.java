package io.runledger.query.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of a run's or generation's status: the read model is polled while clients listen,
 * each change is sent once as a {@code status} event with the whole view, and a stream ends with its job.
 * Polling the projection keeps every instance able to serve any stream, with no state to share.
 * <p>
 * All open streams of an instance share one poll per {@code runledger.streams.poll-interval}: a single
 * poller reads, for each org and kind with open streams, the views of all its watched ids in one tenant
 * transaction (row-level security admits that org's rows only, as for every other read) and hands each
 * stream its view. So the database load grows with the number of orgs being watched, not of streams.
 * A stream's first view is read at once, on its own. A poll that has nothing to send a stream writes it a
 * comment line instead, so a client that went away is noticed at the next poll (a write to a closed
 * connection fails) and its stream leaves the poll; each caller (person, API key) may hold
 * {@code runledger.streams.max-per-caller} streams open at once.
 */
@Component
public class StatusStreams {

    /**
     * What a stream follows, one per kind of job, kept by its controller.
     *
     * @param read     the readable views of some ids of one org, by id, in one tenant transaction
     * @param status   what, changing, makes an event
     * @param finished whether the view is final, which ends the stream after it is sent
     */
    public record Kind<T>(BiFunction<UUID, Collection<UUID>, Map<UUID, T>> read, Function<T, String> status,
                          Predicate<T> finished) {
    }

    private record Watch(Kind<?> kind, UUID orgId) {
    }

    // one thread: a stream's sends never overlap, and the shared poll is one poll
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "status-streams");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Watch, Set<Stream<?>>> watched = new ConcurrentHashMap<>();
    private final Map<String, Integer> openByCaller = new ConcurrentHashMap<>();
    private final Readers readers;
    private final Duration maxDuration;
    private final int maxPerCaller;

    StatusStreams(Readers readers, @Value("${runledger.streams.poll-interval:500ms}") Duration interval,
            @Value("${runledger.streams.max-duration:30m}") Duration maxDuration,
            @Value("${runledger.streams.max-per-caller:10}") int maxPerCaller) {
        this.readers = readers;
        this.maxDuration = maxDuration;
        this.maxPerCaller = maxPerCaller;
        poller.scheduleWithFixedDelay(this::pollAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Follows one run or generation of an org, which the caller has been checked to read.
     *
     * @throws org.springframework.web.ErrorResponseException 429 {@code too-many-streams} when the caller holds
     *                                                        as many open streams as it may
     */
    public <T> SseEmitter follow(Kind<T> kind, UUID orgId, UUID id) {
        String caller = readers.callerMetadata().get("actor");
        if (openByCaller.merge(caller, 1, Integer::sum) > maxPerCaller) {
            release(caller);
            throw QueryProblems.tooMany("too-many-streams", "Too many open streams",
                    "A caller may follow at most %d streams at once; close one first".formatted(maxPerCaller));
        }
        Stream<T> stream = new Stream<>(new Watch(kind, orgId), kind, id, caller, new SseEmitter(maxDuration.toMillis()));
        stream.emitter.onCompletion(stream::stop);
        stream.emitter.onTimeout(stream::stop);
        stream.emitter.onError(failure -> stream.stop());
        poller.execute(() -> poll(stream.watch, List.of(stream)));
        return stream.emitter;
    }

    private void pollAll() {
        watched.forEach((watch, streams) -> poll(watch, List.copyOf(streams)));
    }

    /** One read for these streams of one org and kind, then each is sent its view; the first poll of a stream enrols it. */
    @SuppressWarnings("unchecked")
    private <T> void poll(Watch watch, Collection<Stream<?>> streams) {
        if (streams.isEmpty()) {
            return;
        }
        Kind<T> kind = (Kind<T>) watch.kind();
        Map<UUID, T> views;
        try {
            views = kind.read().apply(watch.orgId(), streams.stream().map(stream -> stream.id).distinct().toList());
        } catch (RuntimeException readFailed) {
            streams.forEach(stream -> stream.fail(readFailed));
            return;
        }
        streams.forEach(stream -> ((Stream<T>) stream).deliver(views.get(stream.id)));
    }

    private void release(String caller) {
        openByCaller.computeIfPresent(caller, (name, open) -> open > 1 ? open - 1 : null);
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    private final class Stream<T> {

        private final Watch watch;
        private final Kind<T> kind;
        private final UUID id;
        private final String caller;
        private final SseEmitter emitter;
        private final AtomicBoolean over = new AtomicBoolean();
        private boolean enrolled;
        private String lastSent;

        private Stream(Watch watch, Kind<T> kind, UUID id, String caller, SseEmitter emitter) {
            this.watch = watch;
            this.kind = kind;
            this.id = id;
            this.caller = caller;
            this.emitter = emitter;
        }

        /** Runs on the poller only. */
        void deliver(T view) {
            if (over.get()) {
                return;
            }
            try {
                String now = view == null ? null : kind.status().apply(view);
                if (view != null && !Objects.equals(now, lastSent)) {
                    emitter.send(SseEmitter.event().name("status").data(view));
                    lastSent = now;
                } else {
                    emitter.send(SseEmitter.event().comment(""));
                }
                if (view != null && kind.finished().test(view)) {
                    stop();
                    emitter.complete();
                    return;
                }
            } catch (IOException | RuntimeException clientGone) {
                fail(clientGone);
                return;
            }
            if (!enrolled) {
                enrolled = true;
                watched.compute(watch, (any, streams) -> {
                    Set<Stream<?>> joined = streams == null ? ConcurrentHashMap.newKeySet() : streams;
                    joined.add(this);
                    return joined;
                });
                // a client that left between the first send and here must not stay watched
                if (over.get()) {
                    leave();
                }
            }
        }

        void fail(Exception cause) {
            stop();
            emitter.completeWithError(cause);
        }

        void stop() {
            if (!over.getAndSet(true)) {
                release(caller);
            }
            leave();
        }

        private void leave() {
            watched.computeIfPresent(watch, (any, streams) -> {
                streams.remove(this);
                return streams.isEmpty() ? null : streams;
            });
        }
    }
}
