package io.runledger.infra.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Commits of events across the instances sharing one database, by PostgreSQL's {@code LISTEN}/{@code NOTIFY} on
 * {@link #CHANNEL}: after this instance commits events it says so on the channel, and a connection of its own
 * listens there and wakes this instance's processors ({@link WakeOnCommit#committedElsewhere()}) when another
 * instance does, so they find its events at once rather than after their one-second wait.
 *
 * <p>The notification is sent after the commit, from a connection of the pool, not in the appending
 * transaction: PostgreSQL commits the transactions that notify one at a time (a database-wide lock held through
 * the commit's flush), which would make every append wait for the previous one's flush. Sent after, the commits
 * group as before, one notification covers every commit made while the previous one was being sent, and that
 * notification's own commit waits for no flush ({@code synchronous_commit} off for it alone). An instance that
 * dies between its commit and its notification leaves its last events to the others' one-second wait.
 *
 * <p>The listening connection is not the pool's (it stays open for good); lost, it is opened again after a
 * second and then wakes the processors once, for whatever was committed while nobody listened.
 */
final class CommitNotifications implements SmartLifecycle {

    static final String CHANNEL = "runledger_events";
    static final String LISTENER_NAME = "runledger-events-listener";

    private static final Logger log = LoggerFactory.getLogger(CommitNotifications.class);
    /** How long the listener waits for a notification at a time: also how soon it stops. */
    private static final int LISTEN_WAIT_MILLIS = 500;
    /** How often an idle listening connection is checked (a connection dropped without a word stays silent). */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    /**
     * The least time between two notifications of this instance: the others' processors look at most every
     * 10 ms anyway, so more would cost queries and wake-ups and gain nothing.
     */
    private static final Duration NOTIFY_SPACING = Duration.ofMillis(5);

    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final HikariDataSource database;
    /** Names this instance's notifications, which its own listener passes over. */
    private final String instance = UUID.randomUUID().toString();

    private final Semaphore localCommits = new Semaphore(0);
    private volatile WakeOnCommit processors;
    private volatile boolean running;
    private volatile int listeningBackend;
    private Thread notifier;
    private Thread listener;

    CommitNotifications(HikariDataSource database) {
        this.database = database;
    }

    /** Wakes {@code source}'s streams on other instances' commits and tells them of its commits. */
    void relay(WakeOnCommit source) {
        processors = source;
        source.afterEachLocalCommit(localCommits::release);
    }

    /** The PostgreSQL process (pg_stat_activity's pid) of the listening connection; 0 while there is none. */
    int listeningBackend() {
        return listeningBackend;
    }

    @Override
    public void start() {
        running = true;
        notifier = started("runledger-events-notifier", this::notifyCommits);
        listener = started(LISTENER_NAME, this::listen);
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void stop() {
        running = false;
        notifier.interrupt();
        listener.interrupt();
        try {
            notifier.join(STOP_WAIT.toMillis());
            listener.join(STOP_WAIT.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One notification covers every local commit made while the previous one was sent, and its spacing. */
    private void notifyCommits() {
        while (running) {
            try {
                localCommits.acquire();
                localCommits.drainPermits();
                try (Connection connection = database.getConnection();
                        PreparedStatement notify = connection.prepareStatement(
                                "select set_config('synchronous_commit', 'off', true), pg_notify(?, ?)")) {
                    notify.setString(1, CHANNEL);
                    notify.setString(2, instance);
                    notify.execute();
                }
                Thread.sleep(NOTIFY_SPACING.toMillis());
            } catch (InterruptedException stopping) {
                return;
            } catch (SQLException failed) {
                // the others find these events after their one-second wait
                log.warn("Could not tell other instances of new events: {}", failed.getMessage());
                pauseBeforeRetry();
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = listeningConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                listeningBackend = connection.unwrap(PGConnection.class).getBackendPID();
                wakeProcessors();
                awaitNotifications(connection);
            } catch (SQLException lost) {
                if (running) {
                    log.warn(
                            "Lost the connection listening for other instances' events ({}); opening another in {}",
                            lost.getMessage(),
                            RECONNECT_AFTER);
                }
            } finally {
                listeningBackend = 0;
            }
            if (running) {
                pauseBeforeRetry();
            }
        }
    }

    /** A connection as the pool's are made (same URL, user and driver settings), named in pg_stat_activity. */
    private Connection listeningConnection() throws SQLException {
        Properties settings = new Properties();
        settings.putAll(database.getDataSourceProperties());
        if (database.getUsername() != null) {
            settings.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            settings.setProperty("password", database.getPassword());
        }
        settings.setProperty("ApplicationName", LISTENER_NAME);
        return new Driver().connect(database.getJdbcUrl(), settings);
    }

    private void awaitNotifications(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
        while (running) {
            PGNotification[] received = postgres.getNotifications(LISTEN_WAIT_MILLIS);
            if (received != null && Arrays.stream(received).anyMatch(each -> !instance.equals(each.getParameter()))) {
                wakeProcessors();
            }
            if (System.nanoTime() - checkAt > 0) {
                if (!connection.isValid((int) CHECK_EVERY.toSeconds())) {
                    throw new SQLException("the listening connection does not answer");
                }
                checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private void wakeProcessors() {
        WakeOnCommit source = processors;
        if (source != null) {
            source.committedElsewhere();
        }
    }

    private void pauseBeforeRetry() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
