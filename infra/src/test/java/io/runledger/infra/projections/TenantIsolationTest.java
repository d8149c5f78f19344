package io.runledger.infra.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import io.runledger.infra.testing.TenantDay;
import io.runledger.query.tenant.TenantReads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security on the read models: what a tenant's transaction can see, whatever its SQL says. */
@ReadModelIntegrationTest
class TenantIsolationTest extends ApiTest {

    static final List<String> ORG_SCOPED = List.of(
            "orgs",
            "org_memberships",
            "subscriptions",
            "runs",
            "outputs",
            "usage_events",
            "projects",
            "generations",
            "system_logs",
            "users",
            "auth_identities");

    @Autowired
    TenantReads reads;

    @Value("${runledger.db.url}")
    String databaseUrl;

    @Value("${runledger.db.user}")
    String databaseUser;

    @Value("${runledger.db.password}")
    String databasePassword;

    private UUID orgA;
    private UUID orgB;
    private HikariDataSource oneConnection;

    @BeforeAll
    void two_tenants_projected() {
        orgA = UUID.fromString(TenantDay.live(api, "Tenant A").projectedIn(jdbc).orgId());
        orgB = UUID.fromString(TenantDay.live(api, "Tenant B").projectedIn(jdbc).orgId());
        oneConnection = new HikariDataSource();
        oneConnection.setJdbcUrl(databaseUrl);
        oneConnection.setUsername(databaseUser);
        oneConnection.setPassword(databasePassword);
        oneConnection.setMaximumPoolSize(1);
    }

    @AfterAll
    void closePool() {
        oneConnection.close();
    }

    private static List<UUID> orgsVisibleIn(JdbcClient sql, String table) {
        String orgColumn =
                switch (table) {
                    case "orgs" -> "id";
                    case "projects", "generations", "system_logs" -> "organization_id";
                    case "users" -> "(select m.org_id from org_memberships m where m.user_id = users.id limit 1)";
                    case "auth_identities" ->
                        "(select m.org_id from org_memberships m where m.user_id = auth_identities.user_id limit 1)";
                    default -> "org_id";
                };
        return sql.sql("select distinct " + orgColumn + " from " + table)
                .query(UUID.class)
                .list();
    }

    @Test
    void a_query_without_any_where_clause_returns_only_the_callers_rows_in_every_table() {
        for (String table : ORG_SCOPED) {
            List<UUID> seenByA = reads.read(orgA, sql -> orgsVisibleIn(sql, table));
            List<UUID> seenByB = reads.read(orgB, sql -> orgsVisibleIn(sql, table));
            assertThat(seenByA).as(table).containsExactly(orgA);
            assertThat(seenByB).as(table).containsExactly(orgB);
        }
        assertThat(jdbc.queryForObject("select count(distinct org_id) from runs", Long.class))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void tenants_taking_turns_on_one_pooled_connection_never_see_each_others_rows() {
        TenantReads onOneConnection =
                new TenantReads(JdbcClient.create(oneConnection), new DataSourceTransactionManager(oneConnection));
        JdbcTemplate sameConnection = new JdbcTemplate(oneConnection);
        for (int turn = 0; turn < 20; turn++) {
            UUID tenant = turn % 2 == 0 ? orgA : orgB;

            List<UUID> seen = onOneConnection.read(
                    tenant, sql -> sql.sql("select org_id from runs union all select org_id from usage_events")
                            .query(UUID.class)
                            .list());

            assertThat(seen).isNotEmpty().containsOnly(tenant);
            // after the transaction the connection is back to the owner with no tenant set
            assertThat(sameConnection.queryForObject("select current_user = session_user", Boolean.class))
                    .isTrue();
            assertThat(sameConnection.queryForObject(
                            "select coalesce(current_setting('runledger.org_id', true), '')", String.class))
                    .isEmpty();
        }
    }

    @Test
    void the_reader_without_a_tenant_sees_an_error_not_every_row() {
        JdbcTemplate sameConnection = new JdbcTemplate(oneConnection);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(oneConnection);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).execute(status -> {
                    sameConnection.execute("set local role runledger_reader");
                    return sameConnection.queryForObject("select count(*) from runs", Long.class);
                }))
                .rootCause()
                .message()
                // never set on this connection: unknown; set and reset by an earlier transaction: empty
                .containsAnyOf(
                        "unrecognized configuration parameter \"runledger.org_id\"",
                        "invalid input syntax for type uuid: \"\"");
    }
}
