package io.runledger.infra.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's hold on a data directory, for as long as its embedded PostgreSQL runs: an OS file lock on
 * {@code runledger.lock}, which the OS releases when the process dies however it dies, with the holder's pid
 * inside for the message to whoever finds it held. Holding it, a postmaster still running on the cluster can
 * only be an orphan of a dead process (the embedded server is started detached and outlives a SIGKILL of its
 * JVM), so it is stopped before the cluster is started again.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryLock.class);
    static final String FILE_NAME = "runledger.lock";
    /** A fast shutdown of a postmaster without clients takes well under a second; a checkpoint may take longer. */
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws DataDirectoryInUse when a live process holds {@code dataDir} */
    static DataDirectoryLock take(Path dataDir, Path clusterDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(
                    dataDir.resolve(FILE_NAME),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder =
                        new String(Files.readAllBytes(dataDir.resolve(FILE_NAME)), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DataDirectoryInUse(dataDir, holder);
            }
            channel.truncate(0)
                    .write(
                            ByteBuffer.wrap(
                                    String.valueOf(ProcessHandle.current().pid())
                                            .getBytes(StandardCharsets.UTF_8)),
                            0);
            channel.force(true);
            stopOrphanedPostmaster(clusterDir);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data directory " + dataDir, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /**
     * {@code postmaster.pid} names the postmaster and its cluster directory; PostgreSQL removes it when it stops.
     * A pid that now names some other program is a stale file, which PostgreSQL would take for another postmaster.
     */
    private static void stopOrphanedPostmaster(Path clusterDir) throws IOException {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty()
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        if (postmaster.isEmpty()) {
            return; // a dead pid: PostgreSQL removes the stale file itself
        }
        if (!isPostgres(postmaster.get())) {
            log.warn(
                    "Removing {}: it names process {}, which is not PostgreSQL",
                    pidFile,
                    postmaster.get().pid());
            Files.delete(pidFile);
            return;
        }
        log.warn(
                "Stopping the embedded PostgreSQL (pid {}) that a Runledger process which died left running on {}",
                postmaster.get().pid(),
                clusterDir);
        // SIGTERM, PostgreSQL's smart shutdown: its clients were in the dead process, so it ends at once, cleanly
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            throw new IllegalStateException(
                    "The orphaned embedded PostgreSQL (pid %d) on %s did not stop within %s"
                            .formatted(postmaster.get().pid(), clusterDir, ORPHAN_STOP_WAIT),
                    stillRunning);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned embedded PostgreSQL", interrupted);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Unknown (another user's process, on some systems) counts as PostgreSQL: stopping is then merely refused by the OS. */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(true);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
