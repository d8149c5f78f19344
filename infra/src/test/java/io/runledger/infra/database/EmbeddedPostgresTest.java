package io.runledger.infra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.org.CreateOrg;
import io.runledger.domain.org.RenameOrg;
import io.runledger.infra.testing.RunningRunledger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run: no database configured, so Runledger brings its own and keeps it in the data directory. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    private RunningRunledger startOn(Path dir) {
        return RunningRunledger.start(Map.of("runledger.db.url", "", "runledger.db.data-dir", dir.toString()));
    }

    @Test
    void a_second_start_on_the_same_data_directory_finds_what_the_first_stored() {
        UUID org = UUID.randomUUID();
        try (RunningRunledger first = startOn(dataDir)) {
            first.commands().sendAndWait(new CreateOrg(org, "Acme", "acme", UUID.randomUUID(), Instant.now()));
        }
        try (RunningRunledger second = startOn(dataDir)) {
            second.commands().sendAndWait(new RenameOrg(org, "Acme Labs"));
            assertThat(second.jdbc()
                            .queryForList(
                                    "select sequence_number from domain_event_entry where aggregate_identifier = ? order by 1",
                                    Long.class,
                                    org.toString()))
                    .containsExactly(0L, 1L, 2L);
        }
        assertThat(dataDir.resolve("pgdata/PG_VERSION")).exists();
    }

    @Test
    void the_embedded_server_keeps_fsync_on_and_stops_with_the_application() {
        int port;
        try (RunningRunledger app = startOn(dataDir)) {
            port = app.bean(EmbeddedPostgres.class).getPort();
            assertThat(app.jdbc().queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(app.jdbc().queryForObject("show server_version_num", Integer.class))
                    .isGreaterThanOrEqualTo(160000);
        }
        assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void a_postmaster_pid_file_naming_a_process_that_is_not_postgres_does_not_stop_the_start() throws Exception {
        try (RunningRunledger first = startOn(dataDir)) {
            assertThat(first.jdbc().queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
        // as after a crash and a reboot, when the dead postmaster's pid went to another program (here: this JVM)
        Files.writeString(
                dataDir.resolve("pgdata/postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + dataDir + "\n");

        try (RunningRunledger second = startOn(dataDir)) {
            assertThat(second.jdbc().queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void a_data_directory_in_use_by_a_running_instance_is_refused_with_what_to_do() {
        try (RunningRunledger running = startOn(dataDir)) {
            assertThatThrownBy(() -> startOn(dataDir))
                    .hasRootCauseInstanceOf(DataDirectoryInUse.class)
                    .rootCause()
                    .hasMessageContaining(dataDir + " is in use by process "
                            + ProcessHandle.current().pid());
            assertThat(running.jdbc().queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
    }
}
