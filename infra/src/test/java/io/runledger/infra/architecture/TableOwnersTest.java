package io.runledger.infra.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owner, visible in code: SQL naming a table stands only in the module whose migrations
 * create it, and another module reaches the table through a class of the owner (a port it implements). Read from
 * the sources, because a table's name is a string that no compiler or ArchUnit rule sees.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TableOwnersTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (?:if not exists )?(\\w+)");

    /** Axon's own tables, and where SQL may name them; everything else reads them through Axon's API, which works on Axon Server too. */
    private static final Map<String, String> AXON_TABLE_READERS = Map.of(
            "infra/src/main/java/io/runledger/infra/axon/",
            "the storage engines' configuration names their tables",
            "infra/src/main/java/io/runledger/infra/bench/",
            "the benchmark bulk-loads and scans the PostgreSQL store itself",
            "projections-sql/src/main/java/io/runledger/projections/audit/",
            "the audit chain covers the bytes as stored",
            "projections-sql/src/main/java/io/runledger/projections/systemlog/",
            "an event's own place in the PostgreSQL store, where its token does not tell it",
            "projections-sql/src/main/java/io/runledger/projections/ProcessorTokens.java",
            "every instance's tokens, including segments this instance does not hold",
            "projections-sql/src/main/java/io/runledger/projections/RebuiltThrough.java",
            "the rebuild's token taken over at the swap, and an event's own place where its token does not tell it",
            "projections-sql/src/main/java/io/runledger/projections/ReadModelRebuild.java",
            "the rebuild processor's tokens, forgotten when a rebuild starts and in the swap's transaction");

    private static final List<String> AXON_TABLES = List.of(
            "domain_event_entry",
            "snapshot_event_entry",
            "token_entry",
            "saga_entry",
            "association_value_entry",
            "dead_letter_entry");

    @Test
    void command_side_tables_are_named_only_in_command_side() {
        List<String> tables = tablesCreatedBy("command-side");

        assertThat(tables).contains("stripe_meter_events", "access_memberships", "work_queue");
        assertThat(mentions(tables, "command-side/", "infra/src/main/java/io/runledger/infra/bench/"))
                .isEmpty();
    }

    @Test
    void axon_tables_are_named_only_where_the_stored_rows_are_the_point() {
        assertThat(mentions(AXON_TABLES, AXON_TABLE_READERS.keySet().toArray(String[]::new)))
                .isEmpty();
    }

    @Test
    void the_rule_sees_the_sql_it_looks_for() {
        assertThat(mentions(List.of("stripe_meter_events", "domain_event_entry")))
                .contains(
                        "command-side/src/main/java/io/runledger/command/billing/MeterLedger.java names stripe_meter_events",
                        "projections-sql/src/main/java/io/runledger/projections/audit/AuditStore.java names domain_event_entry");
    }

    private static List<String> tablesCreatedBy(String module) {
        try (Stream<Path> migrations = Files.list(ROOT.resolve(module).resolve("src/main/resources/db/migration"))) {
            return migrations
                    .flatMap(migration -> {
                        Matcher created = CREATE_TABLE.matcher(read(migration));
                        return created.results().map(result -> result.group(1).toLowerCase());
                    })
                    .distinct()
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** "file names table" for every main source file outside {@code allowed} (paths from the root) that names one of {@code tables}. */
    private static List<String> mentions(List<String> tables, String... allowed) {
        Pattern named = Pattern.compile("\\b(" + String.join("|", tables) + ")\\b");
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(TableOwnersTest::javaFiles)
                    .map(path -> ROOT.relativize(path).toString())
                    .filter(path -> Stream.of(allowed).noneMatch(path::startsWith))
                    .flatMap(path -> named.matcher(read(ROOT.resolve(path)))
                            .results()
                            .map(found -> path + " names " + found.group(1)))
                    .distinct()
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Stream<Path> javaFiles(Path sources) {
        try {
            return Files.walk(sources).filter(path -> path.toString().endsWith(".java"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
