package io.runledger.projections;

import static java.util.Map.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The read models by name (each the processing group of its projectors, {@link ReadModelProjector}, with its own
 * dead-letter queue), the tables each one owns, and the processors that feed them: one that feeds them all from one
 * reading of the store, decoding each event once, and one started only while read models are rebuilt beside their
 * live tables ({@link ReadModelRebuild}).
 */
public final class ReadModelProcessors {

    /** The tracking processor of every read model, as Axon's token store names it. */
    public static final String PROCESSOR = "read-models";

    /** The processor of a rebuild under way, writing the rebuilt read models' new tables only. */
    public static final String REBUILD_PROCESSOR = "read-models-rebuild";

    public static final String ORGS = "read-orgs";
    public static final String USERS = "read-users";
    public static final String PATTERNS = "read-patterns";
    public static final String SUBSCRIPTIONS = "read-subscriptions";
    public static final String RUNS = "read-runs";
    public static final String USAGE = "read-usage";
    public static final String PROJECTS = "read-projects";
    public static final String SYSTEM_LOGS = "read-system-logs";

    /**
     * Each read model's tables, parents first, as its projectors write them (V10 and later migrations): what a
     * rebuild makes anew beside them and swaps in. A foreign key joins only tables of one read model, so each read
     * model rebuilds on its own. Declared here rather than on the projectors: this package is what they use.
     */
    private static final Map<String, List<String>> TABLES = Stream.of(
                    entry(ORGS, List.of("orgs", "org_memberships", "invitations")),
                    entry(USERS, List.of("users", "auth_identities")),
                    entry(PATTERNS, List.of("patterns")),
                    entry(SUBSCRIPTIONS, List.of("subscriptions")),
                    entry(RUNS, List.of("runs", "outputs")),
                    entry(USAGE, List.of("usage_events")),
                    entry(PROJECTS, List.of("projects", "generations")),
                    entry(SYSTEM_LOGS, List.of("system_logs")))
            .collect(LinkedHashMap::new, (tables, model) -> tables.put(model.getKey(), model.getValue()), Map::putAll);

    /** Every read model, in the order {@link #TABLES} declares them. */
    public static final List<String> NAMES = List.copyOf(TABLES.keySet());

    /** Every read model's tables, in {@link #NAMES}' order, each read model's parents first. */
    private static final List<String> TABLES_PARENTS_FIRST =
            NAMES.stream().flatMap(name -> TABLES.get(name).stream()).toList();

    private ReadModelProcessors() {}

    /** Every read model's tables, each parent before its children: the order a batch's writes are sent in. */
    static List<String> tablesParentsFirst() {
        return TABLES_PARENTS_FIRST;
    }

    /** The tables {@code readModel} owns. */
    public static List<String> tables(String readModel) {
        return TABLES.get(readModel);
    }
}
