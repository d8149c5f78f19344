package io.runledger.infra.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.runledger.projections.ProjectionAdmin;

/** Clients sending run lifecycles for a while, each waiting for every answer: per-command latency, and the read models' lag meanwhile. */
record AppendLoad(ProjectionAdmin projections) {

    /** One client: sends one run's lifecycle each call, timing each command with {@code timing}. */
    interface Client {
        void lifecycle(Timing timing) throws Exception;
    }

    /** Per-client latencies of the commands sent. */
    static final class Timing {
        private long[] nanos = new long[1024];
        private int count;

        <T> T command(Callable<T> command) throws Exception {
            long started = System.nanoTime();
            T answer = command.call();
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = System.nanoTime() - started;
            return answer;
        }

        /** The last call was answered but changed nothing (a claim that found no work): not a command. */
        void notACommand() {
            count--;
        }

        long[] nanos() {
            return Arrays.copyOf(nanos, count);
        }
    }

    record Result(double commandsPerSecond, long[] nanos, long[] lagEvents, long[] lagMillis) {}

    Result run(List<Client> clients, Duration phase) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<long[]>> work = new ArrayList<>();
        long started = System.nanoTime();
        for (Client client : clients) {
            work.add(pool.submit(() -> {
                Timing timing = new Timing();
                while (!stop.get()) {
                    client.lifecycle(timing);
                }
                return timing.nanos();
            }));
        }
        List<Long> lagEvents = new ArrayList<>();
        List<Long> lagMillis = new ArrayList<>();
        Instant end = Instant.now().plus(phase);
        while (Instant.now().isBefore(end)) {
            List<ProjectionAdmin.ProjectionState> states = projections.states();
            lagEvents.add(states.stream()
                    .mapToLong(ProjectionAdmin.ProjectionState::lagEvents)
                    .max()
                    .orElse(0));
            lagMillis.add(states.stream()
                    .mapToLong(state -> (long) (state.lagSeconds() * 1000))
                    .max()
                    .orElse(0));
            Thread.sleep(250);
        }
        stop.set(true);
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> client : work) {
            latencies.add(client.get());
        }
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(
                all.length / ((System.nanoTime() - started) / 1e9),
                all,
                lagEvents.stream().mapToLong(Long::longValue).toArray(),
                lagMillis.stream().mapToLong(Long::longValue).toArray());
    }
}
