package io.runledger.infra.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.runledger.infra.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V18 on a database whose system log was written before it, when rows took their index from the token. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SystemLogMigrationTest {

    @Test
    void a_row_logged_under_a_later_events_index_gets_its_own_and_the_log_can_then_be_read_in_store_order() {
        TestDatabases.Database database = TestDatabases.createFresh();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.url(), database.user(), database.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, MigrationVersion.fromVersion("17"));
        UUID org = UUID.randomUUID();
        UUID renamed = UUID.randomUUID();
        UUID created = UUID.randomUUID();
        long renamedAt = storeEvent(jdbc, org, renamed, 1);
        long createdAt = storeEvent(jdbc, UUID.randomUUID(), created, 0);
        // the rename, committed after the later event, was logged under that event's index
        logRow(jdbc, renamed, org, createdAt);
        logRow(jdbc, created, org, createdAt);

        migrate(dataSource, MigrationVersion.LATEST);

        assertThat(jdbc.queryForList(
                        "select id || '@' || global_index from system_logs order by global_index", String.class))
                .containsExactly(renamed + "@" + renamedAt, created + "@" + createdAt);
    }

    private static void migrate(DriverManagerDataSource dataSource, MigrationVersion target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private static long storeEvent(JdbcTemplate jdbc, UUID aggregate, UUID eventId, long sequence) {
        return jdbc.queryForObject("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, payload,
                                                payload_type, time_stamp)
                values (?, ?, 'Org', ?, convert_to('{}', 'UTF8'), 'io.runledger.domain.org.OrgRenamed', '2026-11-01T10:00:00Z')
                returning global_index
                """, Long.class, aggregate.toString(), sequence, eventId.toString());
    }

    private static void logRow(JdbcTemplate jdbc, UUID eventId, UUID org, long globalIndex) {
        jdbc.update("""
                insert into system_logs (id, global_index, organization_id, action_type, status, message, created_at)
                values (?, ?, ?, 'org_renamed', 'success', 'Org renamed', now())
                """, eventId, globalIndex, org);
    }
}
