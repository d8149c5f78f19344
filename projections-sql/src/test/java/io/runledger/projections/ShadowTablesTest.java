package io.runledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The new version of read-model tables, made beside the live ones from their definitions, and swapped in. */
class ShadowTablesTest {

    private static final ReadModelDatabase DATABASE = ReadModelDatabase.migrated();

    private final JdbcTemplate jdbc = DATABASE.jdbc();
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    private final ShadowTables shadows = new ShadowTables(jdbc);

    private List<String> indexes(String schema, String table) {
        return jdbc.queryForList(
                "select indexname from pg_indexes where schemaname = ? and tablename = ?", String.class, schema, table);
    }

    /** A run as a projector writes it: unqualified, so the search path says which table it goes to. */
    private UUID runQueued(UUID org) {
        UUID run = UUID.randomUUID();
        jdbc.update("""
                insert into runs (id, org_id, user_id, pattern_id, input_source, status, queued_at)
                values (?, ?, ?, ?, 'text', 'queued', now())
                """, run, org, UUID.randomUUID(), UUID.randomUUID());
        return run;
    }

    @Test
    void a_migrations_new_column_reaches_the_shadow_which_the_projectors_own_sql_fills_and_one_swap_puts_in_place() {
        UUID org = UUID.randomUUID();
        UUID live = runQueued(org);
        // a changed projector's migration: a new column, with a default so the old rows stay valid
        jdbc.execute("alter table runs add column priority int not null default 5");

        transactions.executeWithoutResult(
                transaction -> shadows.create(ReadModelProcessors.tables(ReadModelProcessors.RUNS)));
        UUID rebuilt = transactions.execute(transaction -> {
            shadows.loadHere();
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class))
                    .isEqualTo("off");
            return runQueued(org);
        });

        // the unqualified SQL wrote to the shadow; the live table, which queries read, is as it was
        assertThat(jdbc.queryForList("select id from runs where org_id = ?", UUID.class, org))
                .containsExactly(live);
        assertThat(jdbc.queryForList("select id || ':' || priority from read_model_rebuild.runs", String.class))
                .containsExactly(rebuilt + ":5");
        // during the load: only the keys the upserts need
        assertThat(indexes(ShadowTables.SCHEMA, "runs"))
                .containsExactlyInAnyOrder("runs_pkey", "runs_org_id_idempotency_key_key");
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_constraint where conrelid = 'read_model_rebuild.outputs'::regclass "
                                + "and contype = 'f'",
                        Long.class))
                .isZero();

        transactions.executeWithoutResult(
                transaction -> shadows.finishLoad(ReadModelProcessors.tables(ReadModelProcessors.RUNS)));
        assertThat(indexes(ShadowTables.SCHEMA, "runs")).contains("runs_by_org_status", "runs_by_org_queued");
        assertThat(indexes(ShadowTables.SCHEMA, "outputs")).contains("outputs_pkey", "outputs_by_run");

        long oldRuns = jdbc.queryForObject("select 'runs'::regclass::oid", Long.class);
        transactions.executeWithoutResult(
                transaction -> shadows.swapIn(ReadModelProcessors.tables(ReadModelProcessors.RUNS)));

        assertThat(jdbc.queryForObject("select 'runs'::regclass::oid", Long.class))
                .isNotEqualTo(oldRuns);
        assertThat(jdbc.queryForList("select id || ':' || priority from runs where org_id = ?", String.class, org))
                .containsExactly(rebuilt + ":5");
        assertThat(indexes("public", "runs")).contains("runs_pkey", "runs_by_org_status", "runs_by_org_queued");
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_constraint where conrelid = 'outputs'::regclass and contype = 'f'",
                        Long.class))
                .isOne();
        assertThat(jdbc.queryForObject(
                        "select relrowsecurity from pg_class where oid = 'runs'::regclass", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForList("select policyname from pg_policies where tablename = 'runs'", String.class))
                .containsExactly("tenant_isolation");
        assertThat(jdbc.queryForObject(
                        "select has_table_privilege('runledger_reader', 'runs', 'select')", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_namespace where nspname = ?", Long.class, ShadowTables.SCHEMA))
                .isZero();
    }

    @Test
    void swapping_the_memberships_makes_again_the_policies_of_the_people_which_read_them() {
        List<String> orgTables = ReadModelProcessors.tables(ReadModelProcessors.ORGS);
        transactions.executeWithoutResult(transaction -> shadows.create(orgTables));
        transactions.executeWithoutResult(transaction -> shadows.finishLoad(orgTables));
        long oldMemberships = jdbc.queryForObject("select 'org_memberships'::regclass::oid", Long.class);

        transactions.executeWithoutResult(transaction -> shadows.swapIn(orgTables));

        assertThat(jdbc.queryForObject("select 'org_memberships'::regclass::oid", Long.class))
                .isNotEqualTo(oldMemberships);
        assertThat(jdbc.queryForList(
                        "select tablename || ':' || policyname || ':' || qual from pg_policies "
                                + "where tablename in ('users', 'auth_identities') order by tablename",
                        String.class))
                .hasSize(2)
                .allSatisfy(policy -> assertThat(policy).contains("members_only", "org_memberships"));
        assertThat(jdbc.queryForObject("""
                select count(distinct objid) from pg_depend where classid = 'pg_policy'::regclass and refobjid = 'org_memberships'::regclass
                """, Long.class))
                .isEqualTo(3); // its own tenant_isolation, users', auth_identities'
    }

    @Test
    void a_foreign_key_to_a_table_not_rebuilt_with_it_is_refused() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(transaction -> shadows.create(List.of("outputs"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outputs_run_id_fkey");
    }
}
