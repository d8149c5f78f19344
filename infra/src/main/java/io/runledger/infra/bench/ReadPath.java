package io.runledger.infra.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.runledger.query.dashboard.DashboardQueries;
import io.runledger.query.paging.Keyset;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.run.RunQueries;

/**
 * The read path's cost: the dashboard and the first page of runs of the HTTP tenants, read by 16 clients through
 * the HTTP API (token check, access, JSON), against the same queries run by 16 clients straight on the database
 * (the query classes the controllers call, each a tenant transaction of the same SQL through the same pool).
 */
record ReadPath(RunQueries runs, DashboardQueries dashboards) {

    static final String FIGURE = "read path: HTTP vs SQL, 16 clients";
    private static final int CLIENTS = 16;

    void measure(Figures figures, HttpAppend http, Duration warmUp, Duration phase) throws Exception {
        List<UUID> orgs = http.orgs();
        Function<UUID, Object> overHttp = org -> {
            http.get("/v1/orgs/" + org + "/dashboard");
            return http.get("/v1/orgs/" + org + "/runs");
        };
        Function<UUID, Object> overSql = org -> {
            dashboards.dashboard(org, TimeRange.ofPeriod(null, null));
            return runs.list(org, null, null, TimeRange.of(null, null), Keyset.position(null, null));
        };
        readsPerSecond(orgs, overHttp, warmUp);
        double viaHttp = readsPerSecond(orgs, overHttp, phase);
        readsPerSecond(orgs, overSql, warmUp);
        double viaSql = readsPerSecond(orgs, overSql, phase);
        figures.add(
                FIGURE,
                String.format("HTTP %,.0f reads/s, SQL %,.0f reads/s", viaHttp, viaSql),
                "≥ 50% of the same SQL",
                Figures.ratio(viaHttp, viaSql));
    }

    /** Reads per second (a dashboard or a runs page each) by the clients, each going round the orgs. */
    private static double readsPerSecond(List<UUID> orgs, Function<UUID, Object> dashboardAndRuns, Duration phase)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Long>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int client = 0; client < CLIENTS; client++) {
            int first = client;
            clients.add(pool.submit(() -> {
                long reads = 0;
                for (int next = first; !stop.get(); next++) {
                    dashboardAndRuns.apply(orgs.get(next % orgs.size()));
                    reads += 2;
                }
                return reads;
            }));
        }
        Thread.sleep(phase.toMillis());
        stop.set(true);
        long reads = 0;
        for (Future<Long> client : clients) {
            reads += client.get();
        }
        pool.shutdown();
        return reads / ((System.nanoTime() - started) / 1e9);
    }
}
