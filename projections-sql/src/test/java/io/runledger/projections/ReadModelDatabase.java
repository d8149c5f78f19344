package io.runledger.projections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of its own with this module's migrations (the event store's and the read models' tables), on
 * one embedded PostgreSQL per test JVM: a projector is tested by calling its handlers, without the application.
 * Outside an Axon unit of work {@link ReadModels} writes at once, so each handler's effect is visible on return.
 */
public final class ReadModelDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final JdbcTemplate jdbc;

    private ReadModelDatabase(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public static synchronized ReadModelDatabase migrated() {
        String name = "read_models_" + DATABASES.incrementAndGet();
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
            }
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    Statement create = admin.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (IOException unavailable) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", unavailable);
        } catch (SQLException refused) {
            throw new IllegalStateException("Cannot create database " + name, refused);
        }
        DataSource database = server.getDatabase("postgres", name);
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new ReadModelDatabase(database);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The rows each query gives for {@code id}, one query's after another: all a test compares before and after. */
    public List<Map<String, Object>> rows(Object id, String... queries) {
        return Arrays.stream(queries)
                .flatMap(query -> jdbc.queryForList(query, id).stream())
                .toList();
    }

    public ReadModels readModels() {
        return readModelsWritingThrough(jdbc);
    }

    /** Read models whose writes go through {@code writer}, a template on this database that watches them. */
    public ReadModels readModelsWritingThrough(JdbcTemplate writer) {
        return new ReadModels(writer, new ObjectMapper().findAndRegisterModules());
    }
}
