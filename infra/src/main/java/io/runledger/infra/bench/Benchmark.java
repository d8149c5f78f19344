package io.runledger.infra.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;

import io.runledger.command.auth.WorkerCredentials;
import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.run.InputSource;
import io.runledger.domain.run.ProduceOutput;
import io.runledger.domain.run.QueueRun;
import io.runledger.domain.run.RecordTokenUsage;
import io.runledger.domain.run.StartRun;
import io.runledger.domain.run.SucceedRun;
import io.runledger.projections.ProjectionAdmin;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.query.billing.Reconciliation;
import io.runledger.query.dashboard.DashboardQueries;
import io.runledger.query.org.OrgQueries;
import io.runledger.query.paging.Keyset;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.project.ProjectQueries;
import io.runledger.query.run.RunQueries;
import io.runledger.query.systemlog.SystemLogQueries;
import io.runledger.query.usage.UsageQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar runledger.jar --runledger.bench.events=1000000} on a fresh database: measures the raw
 * PostgreSQL limits, command append, projection catch-up and replay, reconciliation and dashboard queries
 * in one run, prints a table of figure, value, target and ratio (BENCHMARKS.md keeps one), and exits.
 */
@Component
record Benchmark(
        Environment environment,
        DataSource dataSource,
        JdbcClient jdbc,
        CommandGateway commands,
        @Qualifier("eventSerializer") Serializer eventSerializer,
        @Qualifier("messageSerializer") Serializer messageSerializer,
        ProjectionAdmin projections,
        Reconciliation reconciliation,
        RunQueries runs,
        DashboardQueries dashboards,
        UsageQueries usage,
        SystemLogQueries logs,
        ProjectQueries projects,
        OrgQueries orgs,
        ConfigurableApplicationContext context,
        BenchProcessors processors)
        implements ApplicationRunner {

    private static final Duration RAW_PHASE = Duration.ofSeconds(5);
    private static final Duration APPEND_PHASE = Duration.ofSeconds(10);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final int ORGS = 1_000;
    private static final int QUERY_SAMPLES = 200;

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String events = environment.getProperty("runledger.bench.events");
        if (events == null) {
            return;
        }
        Figures figures = new Figures();
        System.out.printf(
                "Runledger benchmark: %d cores, %d MB max heap%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024);

        String only = environment.getProperty("runledger.bench.only", "");
        if (only.equals("audit")) {
            bulkLoad(
                    figures,
                    environment.getProperty("runledger.bench.orgs", Integer.class, ORGS),
                    Long.parseLong(events));
            sealingCost(figures, null, null);
            context.getBean(AuditBenchmark.class).measure(figures);
            finish(figures);
            return;
        }

        RawBaseline raw = new RawBaseline(dataSource, 420);
        raw.createTable();
        double oneRow1 = raw.insertRate(1, 1, RAW_PHASE);
        figures.add("raw: 1 row per commit, 1 thread", Figures.rate(oneRow1, "rows"), "baseline", "");
        double oneRow16 = raw.insertRate(16, 1, RAW_PHASE);
        figures.add("raw: 1 row per commit, 16 threads", Figures.rate(oneRow16, "rows"), "baseline", "");
        double batch100 = raw.insertRate(1, 100, RAW_PHASE);
        figures.add("raw: 100 rows per transaction", Figures.rate(batch100, "rows"), "baseline", "");
        raw.dropTable();

        Double gatewayOneClient = null;
        if (!only.equals("projections") && !only.equals("http")) {
            gatewayOneClient = append(figures, "CommandGateway", gatewayClients(1), oneRow1);
            append(figures, "CommandGateway", gatewayClients(16), oneRow16);
            if (only.equals("append")) {
                // the gateway appends against their baselines alone: a minute's measure of the command path
                finish(figures);
                return;
            }
        }
        if (!only.equals("projections")) {
            HttpAppend httpApi = httpApi();
            append(figures, "HTTP", httpApi.newTenants(16), oneRow16);
            new ReadPath(runs, dashboards).measure(figures, httpApi, WARM_UP, APPEND_PHASE);
            if (only.equals("http")) {
                // the HTTP API's appends and reads alone, against their baselines
                finish(figures);
                return;
            }
        }

        // loaded with every processor stopped: the read models then catch up alone, as after a deployment that
        // adds them, and the side effects afterwards
        processors.stopAll();
        long before = storeHead();
        bulkLoad(figures, ORGS, Long.parseLong(events));
        long head = storeHead();
        long loaded = head - before;

        long catchUpStarted = System.nanoTime();
        processors.startReadModels();
        double catchUpSeconds = awaitCaughtUp(catchUpStarted);
        figures.add(
                "projection catch-up of the load (8 read models, " + String.format("%,d", loaded) + " events)",
                Figures.rate(loaded / catchUpSeconds, "events") + String.format(" (%.0f s)", catchUpSeconds),
                "≥ 30% of batch insert",
                Figures.ratio(loaded / catchUpSeconds, batch100));
        HeapHighWater heap = HeapHighWater.start();
        double replaySeconds = replayAll();
        String replayHeap = heap.stop();
        figures.add(
                "full replay of every read model",
                Figures.rate(head / replaySeconds, "events") + String.format(" (%.0f s)", replaySeconds),
                "≥ 30% of batch insert",
                Figures.ratio(head / replaySeconds, batch100));
        figures.add("full replay: peak heap", replayHeap, "≤ 256 MB after collections", "");
        if (only.equals("projections")) {
            finish(figures);
            return;
        }
        figures.add(
                "side effects' catch-up of the load (audit chain, Stripe meter, sagas…)",
                String.format("%.0f s", processors.catchUpSideEffects()),
                "",
                "");
        sealingCost(figures, gatewayOneClient, head / replaySeconds);
        context.getBean(AuditBenchmark.class).measure(figures);

        double scan = raw.scanRate();
        figures.add("raw: ordered full scan of the event table", Figures.rate(scan, "rows"), "baseline", "");
        long reconcileStart = System.nanoTime();
        Reconciliation.Report report = reconciliation.report(
                Instant.now().minus(Duration.ofDays(31)),
                Instant.now().plusSeconds(1),
                Instant.now().plusSeconds(1),
                null,
                false);
        double reconcileSeconds = (System.nanoTime() - reconcileStart) / 1e9;
        figures.add(
                "reconciliation of a month (" + report.lines().size() + " org-meter lines)",
                Figures.rate(head / reconcileSeconds, "events") + String.format(" (%.1f s)", reconcileSeconds),
                "≥ 25% of raw scan",
                Figures.ratio(head / reconcileSeconds, scan));

        queries(figures);
        finish(figures);
    }

    private void finish(Figures figures) {
        System.out.println();
        System.out.println(figures.table());
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private void bulkLoad(Figures figures, int orgCount, long events) throws Exception {
        List<EventBulkLoader.BenchPattern> patterns = jdbc.sql(
                        "select pattern_id, name from catalog_patterns order by name")
                .query(EventBulkLoader.BenchPattern.class)
                .list();
        long loadStart = System.nanoTime();
        long loaded = new EventBulkLoader(dataSource, eventSerializer, patterns).load(orgCount, events);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        figures.add(
                "bulk load: " + String.format("%,d", loaded) + " events, " + orgCount + " orgs",
                Figures.rate(loaded / loadSeconds, "events"),
                "",
                "");
    }

    /**
     * The encryption's cost per event, against the cost per command of appending and per event of a replay measured
     * in the same run (null in a run that measures neither): what sealing adds to each.
     */
    private void sealingCost(Figures figures, Double commandsPerSecond, Double replayEventsPerSecond) {
        SealingCost.Result cost = new SealingCost(jdbc, eventSerializer, messageSerializer).measure();
        figures.add(
                "encryption: CPU µs per event written, sealed / plain",
                String.format("%.1f / %.1f", cost.writeSealed(), cost.writePlain()),
                "",
                "");
        figures.add(
                "encryption: CPU µs per event read, sealed / plain",
                String.format("%.1f / %.1f", cost.readSealed(), cost.readPlain()),
                "",
                "");
        if (commandsPerSecond != null) {
            figures.add(
                    "encryption: added to a command appended via CommandGateway, 1 client",
                    String.format("%.1f%%", 100 * (cost.writeSealed() - cost.writePlain()) * commandsPerSecond / 1e6),
                    "≤ 15%",
                    "");
            figures.add(
                    "encryption: added to an event of the full replay",
                    String.format("%.1f%%", 100 * (cost.readSealed() - cost.readPlain()) * replayEventsPerSecond / 1e6),
                    "≤ 15%",
                    "");
        }
    }

    /**
     * Run lifecycles by {@code clients} at once, after a warm-up of the same (JIT compilation and pools would
     * otherwise be measured): commands/s, per-command latency, and the read models' lag meanwhile.
     */
    /** @return commands/s */
    private double append(Figures figures, String how, List<AppendLoad.Client> clients, double rawRate)
            throws Exception {
        AppendLoad load = new AppendLoad(projections);
        load.run(clients, WARM_UP);
        awaitCaughtUp();
        AppendLoad.Result result = load.run(clients, APPEND_PHASE);
        String who = clients.size() == 1 ? "1 client" : clients.size() + " clients";
        figures.add(
                "command append via " + how + ", " + who,
                Figures.rate(result.commandsPerSecond(), "commands")
                        + String.format(
                                ", p50 %.1f ms, p99 %.1f ms",
                                Figures.millis(result.nanos(), 0.5), Figures.millis(result.nanos(), 0.99)),
                "≥ 40% of raw 1-row commits",
                Figures.ratio(result.commandsPerSecond(), rawRate));
        figures.add(
                "projection lag while appending via " + how + ", " + who + ", p99",
                String.format(
                        "%d events, %.1f s",
                        Figures.percentile(result.lagEvents(), 0.99),
                        Figures.percentile(result.lagMillis(), 0.99) / 1000.0),
                "",
                "");
        awaitCaughtUp();
        return result.commandsPerSecond();
    }

    /** Clients sending a run's commands (queue, start, output, tokens, success) through the gateway, as the API does. */
    private List<AppendLoad.Client> gatewayClients(int count) {
        UUID org = UUID.randomUUID();
        EventBulkLoader.BenchPattern pattern = jdbc.sql(
                        "select pattern_id, name from catalog_patterns order by name limit 1")
                .query(EventBulkLoader.BenchPattern.class)
                .single();
        AppendLoad.Client client = timing -> {
            UUID run = UUID.randomUUID();
            try (CallerContext.Binding system = CallerContext.bind(Caller.system())) {
                for (Object command : List.of(
                        new QueueRun(
                                org,
                                run,
                                org,
                                pattern.patternId(),
                                pattern.name(),
                                InputSource.TEXT,
                                1200,
                                "map-reduce",
                                "bench",
                                null),
                        new StartRun(run, "bench"),
                        new ProduceOutput(run, UUID.randomUUID(), "output", null, "summary", List.of(), Map.of()),
                        new RecordTokenUsage(run, UUID.randomUUID(), 1200),
                        new SucceedRun(run))) {
                    timing.command(() -> commands.sendAndWait(command));
                }
            }
        };
        return Collections.nCopies(count, client);
    }

    /** The HTTP API's tenants, each with a client: its developer queues runs, the configured worker takes them through. */
    private HttpAppend httpApi() {
        String[] configured = environment.getProperty("runledger.worker.tokens", String[].class, new String[0]);
        String worker =
                WorkerCredentials.secretOf(configured.length == 0 ? WorkerCredentials.DEVELOPMENT : configured[0]);
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        return new HttpAppend(port, worker, commands);
    }

    /** The position of the store's last event (0 when empty). */
    private long storeHead() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry")
                .query(Long.class)
                .single();
    }

    /** Rebuilds every read model from the store at once: the seconds it took. */
    private double replayAll() throws InterruptedException {
        long started = System.nanoTime();
        projections.replay(ReadModelProcessors.NAMES);
        return awaitCaughtUp(started);
    }

    private void awaitCaughtUp() throws InterruptedException {
        awaitCaughtUp(System.nanoTime());
    }

    /** Waits until every read model has handled the whole store: the seconds since {@code started}. */
    private double awaitCaughtUp(long started) throws InterruptedException {
        while (!projections.states().stream().allMatch(state -> state.lagEvents() == 0 && !state.replaying())) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** p50/p99 of each query behind the query API, for random orgs of the loaded store. */
    private void queries(Figures figures) {
        List<UUID> orgIds = jdbc.sql("select id from orgs order by random() limit ?")
                .param(QUERY_SAMPLES)
                .query(UUID.class)
                .list();
        TimeRange month = TimeRange.ofPeriod(null, null);
        time(
                figures,
                "runs list (first page)",
                orgIds,
                org -> runs.list(org, null, null, TimeRange.of(null, null), Keyset.position(null, null)));
        time(
                figures,
                "runs list by status",
                orgIds,
                org -> runs.list(org, "failed", null, TimeRange.of(null, null), Keyset.position(null, null)));
        time(figures, "dashboard (30 days)", orgIds, org -> dashboards.dashboard(org, month));
        time(figures, "usage (30 days)", orgIds, org -> usage.usage(org, month, Instant.now()));
        time(
                figures,
                "system log (first page)",
                orgIds,
                org -> logs.entries(
                        org,
                        new SystemLogQueries.Filter(null, null, null, null, TimeRange.of(null, null)),
                        Keyset.storePosition(null, null)));
        time(figures, "generations", orgIds, org -> projects.generations(org, null, null, Keyset.position(null, null)));
        time(figures, "org", orgIds, orgs::org);
    }

    private void time(Figures figures, String name, List<UUID> orgIds, Function<UUID, Object> query) {
        long[] nanos = new long[orgIds.size()];
        for (int i = 0; i < orgIds.size(); i++) {
            long t = System.nanoTime();
            query.apply(orgIds.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        figures.add(
                "query: " + name,
                String.format("p50 %.1f ms, p99 %.1f ms", Figures.millis(nanos, 0.5), Figures.millis(nanos, 0.99)),
                "p99 ≤ 50 ms",
                "");
    }
}
