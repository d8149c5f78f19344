package io.runledger.infra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;

import io.runledger.infra.RunledgerApplication;
import io.runledger.infra.testing.TestDatabases;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.mock.env.MockEnvironment;

/** Start-ups that cannot succeed end early, with one paragraph saying why and which setting to fix. */
@ExtendWith(OutputCaptureExtension.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StartupFailuresTest {

    @TempDir
    Path dataDir;

    private Throwable start(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--runledger.db.data-dir=" + dataDir;
        return catchThrowable(() -> new SpringApplicationBuilder(RunledgerApplication.class)
                .run(all)
                .close());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_taken_port_is_reported_before_the_database_is_looked_at(CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            // a database that cannot be reached either: looked at first, it would be the failure
            Throwable failure = start(
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--runledger.db.url=jdbc:postgresql://127.0.0.1:" + closedPort() + "/runledger");

            assertThat(failure).hasRootCauseInstanceOf(java.net.BindException.class);
            assertThat(inChain(failure, PortInUseException.class)).isTrue();
            assertThat(inChain(failure, SQLException.class)).isFalse();
            assertThat(output.getAll()).contains("Port " + port + " was already in use");
        }
    }

    @Test
    void an_unreachable_database_is_one_paragraph_naming_RUNLEDGER_DB_URL(CapturedOutput output) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/runledger?password=secret";

        Throwable failure = start("--server.port=0", "--runledger.db.url=" + url);

        FailureAnalysis analysis = new DatabaseUnreachableFailureAnalyzer(
                        new MockEnvironment().withProperty("runledger.db.url", url))
                .analyze(failure);
        assertThat(analysis.getDescription())
                .startsWith("Runledger could not reach its PostgreSQL at jdbc:postgresql://127.0.0.1:")
                .contains("(RUNLEDGER_DB_URL)")
                .doesNotContain("secret")
                .doesNotContain("..")
                .doesNotContain("\n");
        assertThat(analysis.getAction())
                .contains("RUNLEDGER_DB_URL (runledger.db.url")
                .doesNotContain("\n");
        // what the operator sees: the analysis, registered in META-INF/spring.factories
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(analysis.getDescription());
    }

    @Test
    void a_database_that_does_not_exist_is_named_with_what_to_do() {
        TestDatabases.Database existing = TestDatabases.createFresh();
        String url = existing.url().replaceFirst("/runledger_test_[0-9_]+", "/no_such_database");

        Throwable failure = start(
                "--server.port=0",
                "--runledger.db.url=" + url,
                "--runledger.db.user=" + Objects.toString(existing.user(), ""),
                "--runledger.db.password=" + Objects.toString(existing.password(), ""));

        FailureAnalysis analysis = new DatabaseUnreachableFailureAnalyzer(
                        new MockEnvironment().withProperty("runledger.db.url", url))
                .analyze(failure);
        assertThat(analysis.getDescription()).contains("has no such database");
        assertThat(analysis.getAction()).contains("createdb").contains("RUNLEDGER_DB_URL");
    }

    private static boolean inChain(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
