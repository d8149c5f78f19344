package io.runledger.projections;

import java.util.List;
import java.util.Map;

import io.runledger.projections.org.OrgProjector;
import io.runledger.projections.pattern.PatternProjector;
import io.runledger.projections.project.ProjectProjector;
import io.runledger.projections.run.RunProjector;
import io.runledger.projections.subscription.SubscriptionReadProjector;
import io.runledger.projections.systemlog.SystemLogProjector;
import io.runledger.projections.usage.UsageProjector;
import io.runledger.projections.user.UserProjector;

/**
 * The read models by name (each projector's processing group, with its own dead-letter queue), the tables each
 * one owns, and the processors that feed them: one that feeds them all from one reading of the store, decoding
 * each event once, and one started only while read models are rebuilt beside their live tables
 * ({@link ReadModelRebuild}).
 */
public final class ReadModelProcessors {

    /** The tracking processor of every read model, as Axon's token store names it. */
    public static final String PROCESSOR = "read-models";

    /** The processor of a rebuild under way, writing the rebuilt read models' new tables only. */
    public static final String REBUILD_PROCESSOR = "read-models-rebuild";

    public static final List<String> NAMES = List.of(
            OrgProjector.PROCESSING_GROUP,
            UserProjector.PROCESSING_GROUP,
            PatternProjector.PROCESSING_GROUP,
            SubscriptionReadProjector.PROCESSING_GROUP,
            RunProjector.PROCESSING_GROUP,
            UsageProjector.PROCESSING_GROUP,
            ProjectProjector.PROCESSING_GROUP,
            SystemLogProjector.PROCESSING_GROUP);

    /**
     * Each read model's tables, parents first, as its projectors write them (V10 and later migrations): what a
     * rebuild makes anew beside them and swaps in. A foreign key joins only tables of one read model, so each read
     * model rebuilds on its own. Names rather than the projectors' constants: this package is what they use.
     */
    private static final Map<String, List<String>> TABLES = Map.of(
            OrgProjector.PROCESSING_GROUP, List.of("orgs", "org_memberships", "invitations"),
            UserProjector.PROCESSING_GROUP, List.of("users", "auth_identities"),
            PatternProjector.PROCESSING_GROUP, List.of("patterns"),
            SubscriptionReadProjector.PROCESSING_GROUP, List.of("subscriptions"),
            RunProjector.PROCESSING_GROUP, List.of("runs", "outputs"),
            UsageProjector.PROCESSING_GROUP, List.of("usage_events"),
            ProjectProjector.PROCESSING_GROUP, List.of("projects", "generations"),
            SystemLogProjector.PROCESSING_GROUP, List.of("system_logs"));

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
