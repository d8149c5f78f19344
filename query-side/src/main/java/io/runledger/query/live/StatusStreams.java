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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
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
 * <p>
 * At shutdown this stops first of all (the highest lifecycle phase), before the web server waits for its open
 * requests: every stream gets a last {@value #SHUTDOWN_EVENT} event and ends, so the server stops at once and a
 * client knows to follow its job again (on another instance, or once this one is back), rather than being cut off
 * after the web server's shutdown timeout.
 */
@Component
public class StatusStreams implements SmartLifecycle {

    private static final String SHUTDOWN_EVENT = "shutdown";
    private static final Map<String, String> SHUTDOWN_DATA =
            Map.of("detail", "The server is shutting down; follow the stream again to go on");
    /** the streams' farewells are a write each: they take well under this */
    private static final Duration FAREWELL_WAIT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(StatusStreams.class);

    /**
     * What a stream follows, one per kind of job, kept by its controller.
     *
     * @param read     the readable views of some ids of one org, by id, in one tenant transaction
     * @param status   what, changing, makes an event
     * @param finished whether the view is final, which ends the stream after it is sent
     */
    public record Kind<T>(
            BiFunction<UUID, Collection<UUID>, Map<UUID, T>> read, Function<T, String> status, Predicate<T> finished) {

        /** A kind whose stream ends at any of the {@code finalStatuses}. */
        public static <T> Kind<T> endingAt(
                BiFunction<UUID, Collection<UUID>, Map<UUID, T>> read,
                Function<T, String> status,
                String... finalStatuses) {
            Set<String> ending = Set.of(finalStatuses);
            return new Kind<>(read, status, view -> ending.contains(status.apply(view)));
        }
    }

    private record Watch(Kind<?> kind, UUID orgId) {}

    // one thread: a stream's sends never overlap, and the shared poll is one poll; made at each start
    private volatile ScheduledExecutorService poller;
    private volatile boolean closing;
    private final Map<Watch, Set<Stream<?>>> watched = new ConcurrentHashMap<>();
    private final Map<String, Integer> openByCaller = new ConcurrentHashMap<>();
    private final Readers readers;
    private final Duration interval;
    private final Duration maxDuration;
    private final int maxPerCaller;

    StatusStreams(
            Readers readers,
            @Value("${runledger.streams.poll-interval:500ms}") Duration interval,
            @Value("${runledger.streams.max-duration:30m}") Duration maxDuration,
            @Value("${runledger.streams.max-per-caller:10}") int maxPerCaller) {
        this.readers = readers;
        this.interval = interval;
        this.maxDuration = maxDuration;
        this.maxPerCaller = maxPerCaller;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "status-streams");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::pollAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        poller = started;
        closing = false;
    }

    @Override
    public boolean isRunning() {
        return poller != null && !closing;
    }

    /**
     * Sends every open stream its farewell on the poller, after whatever it had queued; a stream that opens while
     * this runs gets its farewell when it is first polled, or at once once the poller has stopped.
     */
    @Override
    public void stop() {
        closing = true;
        Future<?> farewells = poller.submit(
                () -> watched.values().forEach(streams -> List.copyOf(streams).forEach(Stream::farewell)));
        try {
            farewells.get(FAREWELL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notAllSent) {
            log.warn("Not every status stream got its shutdown event within {}", FAREWELL_WAIT, notAllSent);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            poller.shutdownNow();
        }
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
            throw QueryProblems.tooMany(
                    "too-many-streams",
                    "Too many open streams",
                    "A caller may follow at most %d streams at once; close one first".formatted(maxPerCaller));
        }
        Stream<T> stream =
                new Stream<>(new Watch(kind, orgId), kind, id, caller, new SseEmitter(maxDuration.toMillis()));
        stream.emitter.onCompletion(stream::stop);
        stream.emitter.onTimeout(stream::stop);
        stream.emitter.onError(failure -> stream.stop());
        try {
            poller.execute(() -> poll(stream.watch, List.of(stream)));
        } catch (RejectedExecutionException stopped) {
            stream.farewell();
        }
        return stream.emitter;
    }

    private void pollAll() {
        watched.forEach((watch, streams) -> poll(watch, List.copyOf(streams)));
    }

    /**
     * One read for these streams of one org and kind, then each is sent its view; the first poll of a stream enrols it.
     * Whatever fails ends these streams (their clients follow again) and nothing else: the shared poll is a periodic
     * task, which is never run again once it throws, and would leave every stream of the instance standing still.
     */
    @SuppressWarnings("unchecked")
    private <T> void poll(Watch watch, Collection<Stream<?>> streams) {
        if (streams.isEmpty()) {
            return;
        }
        Kind<T> kind = (Kind<T>) watch.kind();
        try {
            Map<UUID, T> views = kind.read()
                    .apply(
                            watch.orgId(),
                            streams.stream().map(stream -> stream.id).distinct().toList());
            streams.forEach(stream -> ((Stream<T>) stream).deliver(views.get(stream.id)));
        } catch (RuntimeException failed) {
            log.warn(
                    "Ending the status streams of org {} (open: {}): their poll failed",
                    watch.orgId(),
                    streams.size(),
                    failed);
            streams.forEach(stream -> stream.fail(failed));
        }
    }

    private void release(String caller) {
        openByCaller.computeIfPresent(caller, (name, open) -> open > 1 ? open - 1 : null);
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
            if (closing) {
                farewell();
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

        /** Runs on the poller, or on the request's thread once the poller has stopped. */
        void farewell() {
            if (over.get()) {
                return;
            }
            stop();
            try {
                emitter.send(SseEmitter.event().name(SHUTDOWN_EVENT).data(SHUTDOWN_DATA));
                emitter.complete();
            } catch (IOException | RuntimeException clientGone) {
                endWithError(clientGone);
            }
        }

        void fail(Exception cause) {
            stop();
            endWithError(cause);
        }

        /**
         * Ends the response with {@code cause}. The servlet container may be ending it already (its client left while
         * this wrote), in which case it refuses; either way the stream is over.
         */
        private void endWithError(Exception cause) {
            try {
                emitter.completeWithError(cause);
            } catch (RuntimeException alreadyEnding) {
                log.debug("A status stream's response was ending already", alreadyEnding);
            }
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
