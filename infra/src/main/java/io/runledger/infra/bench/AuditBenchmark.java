package io.runledger.infra.bench;

import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.runledger.projections.audit.AuditTrail;
import io.runledger.projections.audit.AuditVerification;
import io.runledger.query.audit.AuditExportFormat;
import io.runledger.query.audit.AuditExports;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.tenant.TenantReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail's figures on the loaded store: the chain processor's catch-up, the NDJSON export of every org
 * (events/s, the largest org's export alone, and the heap's peak meanwhile), the verification of the chains against
 * the store (events/s), and PostgreSQL's plans of the audit API's queries for the largest org (docs/audit.md).
 */
@Component
record AuditBenchmark(
        JdbcClient jdbc, AuditExports exports, AuditVerification verification, AuditTrail trail, TenantReads reads) {

    /** Orgs verified, at random: enough for p50 and p99, and the largest is verified besides. */
    private static final int VERIFIED_ORGS = 100;

    void measure(Figures figures) throws Exception {
        long stored = jdbc.sql("select count(*) from domain_event_entry")
                .query(Long.class)
                .single();
        long behind = stored - chained();
        long started = System.nanoTime();
        while (chained() < stored) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        double catchUp = (System.nanoTime() - started) / 1e9;
        figures.add(
                "audit chain catch-up (" + String.format("%,d", behind) + " events behind)",
                behind == 0
                        ? "caught up"
                        : Figures.rate(behind / catchUp, "events") + String.format(" (%.0f s)", catchUp),
                "",
                "");

        List<UUID> orgs = jdbc.sql("select org_id from audit_events group by org_id order by count(*) desc")
                .query(UUID.class)
                .list();
        UUID largest = orgs.get(0);
        HeapHighWater heap = HeapHighWater.start();
        CountingSink sink = new CountingSink();
        long exported = 0;
        long largestExported = 0;
        double largestSeconds = 0;
        started = System.nanoTime();
        for (UUID org : orgs) {
            long orgStarted = System.nanoTime();
            long events = exports.write(org, TimeRange.of(null, null), AuditExportFormat.NDJSON, sink);
            if (org.equals(largest)) {
                largestExported = events;
                largestSeconds = (System.nanoTime() - orgStarted) / 1e9;
            }
            exported += events;
        }
        double exportSeconds = (System.nanoTime() - started) / 1e9;
        String exportHeap = heap.stop();
        figures.add(
                "audit export, NDJSON, every org in turn (" + String.format("%,d", exported) + " events, "
                        + sink.bytes.get() / 1024 / 1024 + " MB)",
                Figures.rate(exported / exportSeconds, "events") + String.format(" (%.0f s)", exportSeconds),
                "",
                "");
        figures.add(
                "audit export, NDJSON, the largest org alone (" + String.format("%,d", largestExported) + " events)",
                Figures.rate(largestExported / largestSeconds, "events") + String.format(" (%.0f s)", largestSeconds),
                "",
                "");
        figures.add("audit export: peak heap", exportHeap, "≤ 512 MB", "");

        List<UUID> sample = new ArrayList<>(jdbc.sql("select org_id from (select distinct org_id from audit_events) o "
                        + "where org_id <> ? order by random() limit ?")
                .params(largest, VERIFIED_ORGS - 1)
                .query(UUID.class)
                .list());
        sample.add(largest);
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
        figures.add(
                "audit verify of " + sample.size() + " orgs (" + String.format("%,d", checked) + " events)",
                Figures.rate(checked / verifySeconds, "events")
                        + String.format(
                                ", p50 %.0f ms per org, p99 %.0f ms",
                                Figures.millis(nanos, 0.5), Figures.millis(nanos, 0.99)),
                "",
                "");
        figures.add("audit verify of the largest org", String.format("%.1f s", nanos[nanos.length - 1] / 1e9), "", "");
        printPlans(largest);
    }

    /** The plans of the audit API's queries for the largest org, as its reader runs them (docs/audit.md shows them). */
    private void printPlans(UUID orgId) {
        long events = jdbc.sql("select count(*) from audit_events where org_id = ?")
                .param(orgId)
                .query(Long.class)
                .single();
        long middle = jdbc.sql(
                        "select global_index from audit_events where org_id = ? order by chain_sequence offset ? limit 1")
                .params(orgId, events / 2)
                .query(Long.class)
                .single();
        Instant middleTime = jdbc.sql("select occurred_at from audit_events where global_index = ?")
                .param(middle)
                .query(Timestamp.class)
                .single()
                .toInstant();
        String actor = jdbc.sql("select actor from audit_events where global_index = ?")
                .param(middle)
                .query(String.class)
                .single();
        String aggregateId = jdbc.sql("select aggregate_id from audit_events where global_index = ?")
                .param(middle)
                .query(String.class)
                .single();
        TimeRange all = TimeRange.of(null, null);
        Map<String, AuditTrail.Filter> filters = new LinkedHashMap<>();
        filters.put("first page", new AuditTrail.Filter(all.from(), all.to(), null, null, null, null));
        filters.put("action=run.failed", new AuditTrail.Filter(all.from(), all.to(), null, "run.failed", null, null));
        filters.put(
                "action=org.created (one event, the oldest)",
                new AuditTrail.Filter(all.from(), all.to(), null, "org.created", null, null));
        filters.put("actor=" + actor, new AuditTrail.Filter(all.from(), all.to(), actor, null, null, null));
        filters.put(
                "target=run:" + aggregateId,
                new AuditTrail.Filter(all.from(), all.to(), null, null, "run", aggregateId));
        filters.put(
                "from/to: an hour in the middle of the range",
                new AuditTrail.Filter(
                        middleTime.minusSeconds(1800), middleTime.plusSeconds(1800), null, null, null, null));
        System.out.printf(
                "%nPlans of the audit API's queries for org %s (%,d events of %,d stored)%n",
                orgId,
                events,
                jdbc.sql("select count(*) from domain_event_entry")
                        .query(Long.class)
                        .single());
        filters.forEach((name, filter) -> printPlan(
                "GET audit-events, " + name,
                reads.read(orgId, sql -> trail.explainPage(sql, orgId, filter, null, 51))));
        printPlan(
                "GET audit-events, a page in the middle (cursor: before position " + middle + ")",
                reads.read(orgId, sql -> trail.explainPage(sql, orgId, filters.get("first page"), middle, 51)));
        printPlan(
                "GET audit-events/export, the whole range",
                reads.read(orgId, sql -> trail.explainExport(sql, orgId, all.from(), all.to())));
        printPlan(
                "POST audit/verify, the whole chain: the walk, then the search for inserted events",
                verification.explain(orgId));
    }

    private static void printPlan(String query, List<String> plan) {
        System.out.println();
        System.out.println("-- " + query);
        plan.forEach(System.out::println);
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
}
