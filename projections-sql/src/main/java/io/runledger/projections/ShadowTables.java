package io.runledger.projections;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The new version of read-model tables, built in a schema of its own beside the live ones and swapped in.
 *
 * <p>Each shadow table is made from its live table as the catalog has it now, so a migration that changed the live
 * table (a new column) gives the shadow the same shape: columns, defaults and checks, row-level security, its
 * policies and grants. Before the load it gets only its primary key and unique constraints, which the projectors'
 * upserts ({@code on conflict}) and keyed updates need; its other indexes and its foreign keys are made after the
 * load ({@link #finishLoad}). The projectors' SQL names tables without a schema, so writing to the shadow is a
 * matter of the search path ({@link #loadHere}).
 */
@Component
class ShadowTables {

    static final String SCHEMA = "read_model_rebuild";
    /** how long the swap waits for the readers and the writer of a live table before it gives up and is retried */
    private static final String LOCK_TIMEOUT = "3s";

    /** A policy of {@code pg_policies} as the statement that makes it on the table named by the first parameter. */
    private static final String POLICY_DDL = """
            select format('create policy %I on %s as %s for %s to %s', policyname, ?, permissive, cmd,
                          (select string_agg(quote_ident(role), ', ') from unnest(roles) role))
                   || coalesce(' using (' || qual || ')', '') || coalesce(' with check (' || with_check || ')', '')
            from pg_policies
            """;

    private final JdbcTemplate jdbc;
    private volatile String liveSchema;

    ShadowTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty shadows of {@code tables}, replacing any left from an earlier rebuild. Run in a transaction. */
    void create(Collection<String> tables) {
        String live = liveSchema();
        requireOwnForeignKeys(live, tables);
        // every definition is read before the search path changes, so it names the live tables as the code does
        List<String> statements = new ArrayList<>();
        for (String table : tables) {
            String shadow = SCHEMA + "." + table;
            statements.add(
                    "create table " + shadow + " (like " + live + "." + table
                            + " including defaults including constraints including generated including identity including storage)");
            statements.addAll(constraints(live, table, "p,u", shadow));
            statements.addAll(indexes(live, table, true));
            if (jdbc.queryForObject(
                    "select relrowsecurity from pg_class where oid = ?::regclass", Boolean.class, live + "." + table)) {
                statements.add("alter table " + shadow + " enable row level security");
            }
            statements.addAll(jdbc.queryForList(
                    POLICY_DDL + " where schemaname = ? and tablename = ?", String.class, shadow, live, table));
            statements.addAll(jdbc.queryForList("""
                    select format('grant %s on %s to %s', string_agg(privilege.privilege_type, ', '), ?,
                                  case when privilege.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(privilege.grantee)) end)
                    from pg_class c cross join aclexplode(c.relacl) privilege
                    where c.oid = ?::regclass and privilege.grantee <> c.relowner
                    group by privilege.grantee
                    """, String.class, shadow, live + "." + table));
        }
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
        jdbc.execute("create schema " + SCHEMA);
        writeHere(live);
        statements.forEach(jdbc::execute);
    }

    /**
     * After the bulk load: the shadows' other indexes and foreign keys, made on the full tables at once rather
     * than kept up row by row, and their statistics, so the planner knows them when they go live.
     */
    void finishLoad(Collection<String> tables) {
        String live = liveSchema();
        List<String> statements = new ArrayList<>();
        for (String table : tables) {
            statements.addAll(indexes(live, table, false));
            statements.addAll(constraints(live, table, "f", SCHEMA + "." + table));
        }
        writeHere(live);
        // the rebuild's writes wait meanwhile; locked at once, in one order, so they cannot deadlock with them
        jdbc.execute("lock table "
                + tables.stream().map(table -> SCHEMA + "." + table).collect(Collectors.joining(", "))
                + " in share row exclusive mode");
        statements.forEach(jdbc::execute);
        tables.forEach(table -> jdbc.execute("analyze " + SCHEMA + "." + table));
    }

    /**
     * The shadows become the live tables, under the live names, in the caller's transaction: the live tables are
     * locked (waiting for their readers and writer, at most {@link #LOCK_TIMEOUT}), dropped, and the shadows moved
     * into their schema. A policy of another table that reads a dropped one (users' reads org_memberships) is made
     * again, on the new table.
     */
    void swapIn(Collection<String> tables) {
        String live = liveSchema();
        String liveTables = tables.stream().map(table -> live + "." + table).collect(Collectors.joining(", "));
        String oids = tables.stream()
                .map(table -> "'" + live + "." + table + "'::regclass")
                .collect(Collectors.joining(", "));
        jdbc.execute("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
        jdbc.execute("lock table " + liveTables + " in access exclusive mode");
        List<String> dependentPolicies = jdbc.queryForList(
                POLICY_DDL.replace("?", "quote_ident(schemaname) || '.' || quote_ident(tablename)")
                        + """
                 where (schemaname, tablename, policyname) in (
                    select n.nspname, c.relname, p.polname from pg_policy p
                    join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
                    join pg_depend d on d.classid = 'pg_policy'::regclass and d.objid = p.oid
                    where d.refclassid = 'pg_class'::regclass and d.refobjid in (%s) and p.polrelid not in (%s))
                """.formatted(oids, oids),
                String.class);
        jdbc.execute("drop table " + liveTables + " cascade");
        tables.forEach(table -> jdbc.execute("alter table " + SCHEMA + "." + table + " set schema " + live));
        dependentPolicies.forEach(jdbc::execute);
        jdbc.execute("drop schema " + SCHEMA);
    }

    /** Drops what a rebuild left, if anything. */
    void drop() {
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    }

    /**
     * The rest of the current transaction, one of the rebuild's load, writes to the shadow tables: unqualified names
     * find them first, and every other table (the token store, the plans) in the live schema. It commits without
     * waiting for its WAL to reach the disk: a crash can lose its last batches, but with the rebuild's token, which
     * is written in the same transactions, so the rebuild takes those events again. The swap waits for the disk as
     * every other commit.
     */
    void loadHere() {
        // one round trip per transaction: both settings in one statement
        jdbc.execute(shadowsFirst(liveSchema()) + "; set local synchronous_commit = off");
    }

    private void writeHere(String live) {
        jdbc.execute(shadowsFirst(live));
    }

    private static String shadowsFirst(String live) {
        return "set local search_path = " + SCHEMA + ", " + live;
    }

    /**
     * The schema the live tables are in: the first of the search path, as when the migrations made them, read
     * once (before any transaction puts the shadow schema first).
     */
    private String liveSchema() {
        if (liveSchema == null) {
            liveSchema = jdbc.queryForObject("select (current_schemas(false))[1]", String.class);
        }
        return liveSchema;
    }

    private void requireOwnForeignKeys(String live, Collection<String> tables) {
        String names = tables.stream()
                .map(table -> "'" + live + "." + table + "'::regclass")
                .collect(Collectors.joining(", "));
        List<String> crossing = jdbc.queryForList(
                "select conname from pg_constraint where contype = 'f' and " + "(conrelid in (" + names
                        + ")) <> (confrelid in (" + names + "))",
                String.class);
        if (!crossing.isEmpty()) {
            throw new IllegalStateException(
                    "Foreign keys " + crossing + " join a rebuilt table to one that is not rebuilt");
        }
    }

    /** The table's constraints of the given kinds ({@code pg_constraint.contype}, comma-separated), made on {@code target}. */
    private List<String> constraints(String live, String table, String kinds, String target) {
        return jdbc.queryForList("""
                        select format('alter table %s add constraint %I %s', ?, conname, pg_get_constraintdef(oid))
                        from pg_constraint where conrelid = ?::regclass and contype::text = any(string_to_array(?, ','))
                        order by contype, conname
                        """, String.class, target, live + "." + table, kinds);
    }

    /** The table's indexes that no constraint makes, unique or not, made on its shadow. */
    private List<String> indexes(String live, String table, boolean unique) {
        return jdbc.queryForList("""
                        select pg_get_indexdef(i.indexrelid) from pg_index i
                        where i.indrelid = ?::regclass and i.indisunique = ?
                          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                        order by i.indexrelid
                        """, String.class, live + "." + table, unique).stream()
                .map(definition ->
                        definition.replace(" ON " + live + "." + table + " ", " ON " + SCHEMA + "." + table + " "))
                .toList();
    }
}
