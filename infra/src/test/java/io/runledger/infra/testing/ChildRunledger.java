package io.runledger.infra.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.runledger.infra.RunledgerApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * Runledger in a JVM of its own, started from the test's classpath, for tests about what a real
 * {@code SIGKILL} leaves behind. The test must {@link #close()} it (in a finally block or try-with-resources).
 */
public final class ChildRunledger implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private ChildRunledger(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the process and returns at once; {@link #awaitReady()} waits for it to serve. */
    public static ChildRunledger launch(Map<String, String> environment, Map<String, Object> properties) {
        try {
            int port = freePort();
            Path log = Files.createTempFile("runledger-child-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // a short-lived JVM: starting fast matters more than peak speed
                    "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto",
                    "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    RunledgerApplication.class.getName(),
                    "--server.port=" + port));
            properties.forEach((name, value) -> command.add("--" + name + "=" + value));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new ChildRunledger(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a Runledger process", e);
        }
    }

    /** Starts the process and waits until it answers its readiness probe. */
    public static ChildRunledger start(Map<String, String> environment, Map<String, Object> properties) {
        ChildRunledger child = launch(environment, properties);
        try {
            child.awaitReady();
            return child;
        } catch (RuntimeException | Error failed) {
            child.close();
            throw failed;
        }
    }

    public void awaitReady() {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Runledger exited with " + process.exitValue() + ":\n" + output());
            }
            return ready();
        });
    }

    private boolean ready() {
        try {
            HttpURLConnection probe = (HttpURLConnection)
                    URI.create(baseUrl() + "/actuator/health/readiness").toURL().openConnection();
            probe.setConnectTimeout(500);
            probe.setReadTimeout(2000);
            try {
                return probe.getResponseCode() == 200;
            } finally {
                probe.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Waits for the process to end by itself, as one that refuses to start does. */
    public int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Runledger still runs after " + within + ":\n" + output());
        }
        return process.exitValue();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ApiClient api() {
        return new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl())));
    }

    public long pid() {
        return process.pid();
    }

    /** What the process wrote so far: its log. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** {@code SIGKILL}: no shutdown hook, no closing of anything, as {@code kill -9} or the OOM killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops it as an operator would (SIGTERM: Spring closes everything, the embedded PostgreSQL included), or kills it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
