package io.runledger.infra.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap a phase needs, two ways: the most left after any collection during the phase (what the phase keeps
 * alive, garbage promoted but not yet collected included, so an upper bound of its live set) and the most in use
 * at any 20 ms sample (garbage included, so it grows with the maximum heap the collector is allowed to fill).
 * A bound on the first is what "bounded heap" means; the second is shown beside it.
 */
final class HeapHighWater {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong afterCollections = new AtomicLong();
    private final AtomicLong inUse = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<NotificationEmitter> collectors = new ArrayList<>();
    private final NotificationListener onCollection = this::collected;
    private final Thread sampler;

    private HeapHighWater() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(
                () -> {
                    while (running.get()) {
                        inUse.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            TimeUnit.MILLISECONDS.sleep(20);
                        } catch (InterruptedException stopped) {
                            return;
                        }
                    }
                },
                "bench-heap-sampler");
        sampler.setDaemon(true);
    }

    /** Starts after a full collection, so what earlier phases left behind is not counted. */
    static HeapHighWater start() {
        System.gc();
        HeapHighWater heap = new HeapHighWater();
        heap.afterCollections.set(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(heap.onCollection, null, null);
                heap.collectors.add(emitter);
            }
        }
        heap.sampler.start();
        return heap;
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long left = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .map(Map.Entry::getValue)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        afterCollections.accumulateAndGet(left, Math::max);
    }

    /** Stops watching: "N MB after collections (in use up to M MB of X MB)". */
    String stop() throws InterruptedException {
        running.set(false);
        sampler.join();
        for (NotificationEmitter collector : collectors) {
            try {
                collector.removeNotificationListener(onCollection);
            } catch (ListenerNotFoundException alreadyGone) {
                // nothing left to remove
            }
        }
        return String.format(
                "%d MB after collections (in use up to %d MB of %d MB)",
                megabytes(afterCollections.get()),
                megabytes(inUse.get()),
                megabytes(Runtime.getRuntime().maxMemory()));
    }

    private static long megabytes(long bytes) {
        return bytes / 1024 / 1024;
    }
}
