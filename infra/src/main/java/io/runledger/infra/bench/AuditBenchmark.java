package io.runledger.infra.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.runledger.projections.audit.AuditVerification;
import io.runledger.query.audit.AuditExportFormat;
import io.runledger.query.audit.AuditExports;
import io.runledger.query.paging.TimeRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail's figures on the loaded store: the chain processor's catch-up, the NDJSON export of every org
 * (events/s and the heap's peak meanwhile) and the verification of the chains against the store (events/s).
 */
@Component
class AuditBenchmark {

    /** Verifying an org also searches the whole store for rows behind its chain's back: a sample of orgs is enough. */
    private static final int VERIFIED_ORGS = 100;

    private final JdbcClient jdbc;
    private final AuditExports exports;
    private final AuditVerification verification;

    AuditBenchmark(JdbcClient jdbc, AuditExports exports, AuditVerification verification) {
        this.jdbc = jdbc;
        this.exports = exports;
        this.verification = verification;
    }

    void measure(Figures figures) throws Exception {
        long stored = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        long behind = stored - chained();
        long started = System.nanoTime();
        while (chained() < stored) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        double catchUp = (System.nanoTime() - started) / 1e9;
        figures.add("audit chain catch-up (" + String.format("%,d", behind) + " events behind)",
                behind == 0 ? "caught up" : Figures.rate(behind / catchUp, "events") + String.format(" (%.0f s)", catchUp), "", "");

        List<UUID> orgs = jdbc.sql("select distinct org_id from audit_events").query(UUID.class).list();
        HeapPeak peak = HeapPeak.start();
        CountingSink sink = new CountingSink();
        long exported = 0;
        started = System.nanoTime();
        for (UUID org : orgs) {
            exported += exports.write(org, TimeRange.of(null, null), AuditExportFormat.NDJSON, sink);
        }
        double exportSeconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = peak.stop();
        figures.add("audit export, NDJSON, every org in turn (" + String.format("%,d", exported) + " events, "
                + sink.bytes.get() / 1024 / 1024 + " MB)", Figures.rate(exported / exportSeconds, "events")
                + String.format(" (%.0f s)", exportSeconds), "", "");
        figures.add("audit export: peak heap", peakHeap / 1024 / 1024 + " MB", "≤ 512 MB", "");

        List<UUID> sample = jdbc.sql("select org_id from (select distinct org_id from audit_events) o order by random() limit ?")
                .param(VERIFIED_ORGS).query(UUID.class).list();
        long checked = 0;
        long[] nanos = new long[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long t = System.nanoTime();
            AuditVerification.Result result = verification.verify(sample.get(i), null, null);
            nanos[i] = System.nanoTime() - t;
            if (!result.valid()) {
                throw new IllegalStateException("The untouched store does not verify: " + result);
            }
            checked += result.checked();
        }
        double verifySeconds = Arrays.stream(nanos).sum() / 1e9;
        figures.add("audit verify of " + sample.size() + " orgs (" + String.format("%,d", checked) + " events)",
                Figures.rate(checked / verifySeconds, "events") + String.format(", p50 %.0f ms per org, p99 %.0f ms",
                        Figures.millis(nanos, 0.5), Figures.millis(nanos, 0.99)), "", "");
    }

    private long chained() {
        return jdbc.sql("select count(*) from audit_events").query(Long.class).single();
    }

    /** Bytes written, kept nowhere. */
    private static final class CountingSink extends OutputStream {
        private final AtomicLong bytes = new AtomicLong();

        @Override
        public void write(int b) {
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.addAndGet(len);
        }
    }

    /** The most heap in use, sampled every 20 ms from a thread of its own, after a collection at the start. */
    private static final class HeapPeak {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;

        private HeapPeak() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        TimeUnit.MILLISECONDS.sleep(20);
                    } catch (InterruptedException stopped) {
                        return;
                    }
                }
            }, "audit-bench-heap");
        }

        static HeapPeak start() {
            System.gc();
            HeapPeak heap = new HeapPeak();
            heap.sampler.setDaemon(true);
            heap.sampler.start();
            return heap;
        }

        long stop() throws InterruptedException {
            running.set(false);
            sampler.join();
            return peak.get();
        }
    }
}
