package io.runledger.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.domain.org.OrgCreated;
import io.runledger.domain.shared.Platform;
import io.runledger.domain.user.AuthIdentityLinked;
import io.runledger.domain.user.AuthProvider;
import io.runledger.infra.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a store that holds events from before slugs and identities were decided on the command side
 * (V14): what the events took is claimed, the first taker keeping a slug or identity two took, and an event
 * PostgreSQL cannot read as JSON is left out instead of stopping the migration.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UniqueNamesMigrationTest {

    private final ObjectMapper json = new ObjectMapper();

    private void store(JdbcTemplate jdbc, UUID aggregate, Object event) throws Exception {
        jdbc.update(
                """
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, payload,
                                                payload_type, time_stamp)
                values (?, (select count(*) from domain_event_entry where aggregate_identifier = ?), ?, ?, ?, ?, ?)
                """,
                aggregate.toString(),
                aggregate.toString(),
                event.getClass().getSimpleName(),
                UUID.randomUUID().toString(),
                json.writeValueAsBytes(event),
                event.getClass().getName(),
                Instant.now().toString());
    }

    @Test
    void the_events_already_stored_claim_their_slugs_and_identities_first_come_first_kept() throws Exception {
        TestDatabases.Database database = TestDatabases.createFresh();
        DriverManagerDataSource source =
                new DriverManagerDataSource(database.url(), database.user(), database.password());
        JdbcTemplate jdbc = new JdbcTemplate(source);
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .target("13")
                .load()
                .migrate();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID poisoned = UUID.randomUUID();
        UUID ada = UUID.randomUUID();
        UUID eve = UUID.randomUUID();
        store(jdbc, first, new OrgCreated(first, "Acme", "acme", ada));
        store(jdbc, second, new OrgCreated(second, "Acme again", "acme", eve)); // accepted before slugs were checked
        store(jdbc, poisoned, new OrgCreated(poisoned, "Acme\u0000Corp", "acme-corp", eve));
        store(jdbc, UUID.randomUUID(), new OrgCreated(UUID.randomUUID(), "No slug", null, ada));
        store(jdbc, ada, new AuthIdentityLinked(Platform.ORG_ID, ada, AuthProvider.GITHUB, "gh-1"));
        store(jdbc, eve, new AuthIdentityLinked(Platform.ORG_ID, eve, AuthProvider.GITHUB, "gh-1"));
        store(jdbc, eve, new AuthIdentityLinked(Platform.ORG_ID, eve, AuthProvider.GOOGLE, "g-2"));

        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(jdbc.queryForList("select slug, org_id::text as org from access_org_slugs order by slug"))
                .containsExactly(Map.of("slug", "acme", "org", first.toString()));
        List<Map<String, Object>> identities = jdbc.queryForList(
                "select provider, provider_user_id, user_id::text as user_id from access_identities order by provider");
        assertThat(identities)
                .containsExactly(
                        Map.of("provider", "GITHUB", "provider_user_id", "gh-1", "user_id", ada.toString()),
                        Map.of("provider", "GOOGLE", "provider_user_id", "g-2", "user_id", eve.toString()));
    }
}
