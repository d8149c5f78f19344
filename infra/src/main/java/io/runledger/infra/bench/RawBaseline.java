package io.runledger.infra.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The physical limits every ratio uses: event-shaped rows (the event table's columns, indexes and payload
 * size) inserted with plain JDBC into a copy of the event table, and an ordered full scan read to the client.
 */
final class RawBaseline {

    private static final String INSERT = """
            insert into bench_raw_events (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                          payload_type, time_stamp) values (?, ?, 'Run', ?, ?, ?, 'io.runledger.domain.run.RunQueued', ?)
            """;

    private final DataSource dataSource;
    private final byte[] payload;
    private final byte[] metadata;

    RawBaseline(DataSource dataSource, int payloadBytes) {
        this.dataSource = dataSource;
        this.payload =
                ("{\"pad\":\"" + "x".repeat(Math.max(0, payloadBytes - 10)) + "\"}").getBytes(StandardCharsets.UTF_8);
        this.metadata = "{\"actor\":\"bench\",\"requestId\":\"bench\",\"correlationId\":\"bench\"}"
                .getBytes(StandardCharsets.UTF_8);
    }

    void createTable() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("drop table if exists bench_raw_events");
            connection
                    .createStatement()
                    .execute("create table bench_raw_events (like domain_event_entry including all)");
        }
    }

    void dropTable() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("drop table if exists bench_raw_events");
        }
    }

    /** Rows per second with {@code threads} writers, each committing {@code rowsPerCommit} rows at a time. */
    double insertRate(int threads, int rowsPerCommit, Duration duration) throws Exception {
        AtomicLong rows = new AtomicLong();
        Instant end = Instant.now().plus(duration);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            writers.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    connection.setAutoCommit(false);
                    while (Instant.now().isBefore(end)) {
                        for (int r = 0; r < rowsPerCommit; r++) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setLong(2, 0);
                            insert.setString(3, UUID.randomUUID().toString());
                            insert.setBytes(4, metadata);
                            insert.setBytes(5, payload);
                            insert.setString(6, Instant.now().toString());
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        connection.commit();
                        rows.addAndGet(rowsPerCommit);
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        return rows.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Rows per second of {@code select * from domain_event_entry order by global_index}, streamed to the client. */
    double scanRate() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scan =
                    connection.prepareStatement("select * from domain_event_entry order by global_index")) {
                scan.setFetchSize(5_000);
                long started = System.nanoTime();
                long rows = 0;
                long bytes = 0;
                try (var result = scan.executeQuery()) {
                    while (result.next()) {
                        bytes += result.getBytes("payload").length;
                        rows++;
                    }
                }
                connection.commit();
                return bytes < 0 ? 0 : rows / ((System.nanoTime() - started) / 1e9);
            }
        }
    }
}
