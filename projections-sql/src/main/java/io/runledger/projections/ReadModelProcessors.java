package io.runledger.projections;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.runledger.projections.org.OrgProjector;
import io.runledger.projections.pattern.PatternProjector;
import io.runledger.projections.project.ProjectProjector;
import io.runledger.projections.run.RunProjector;
import io.runledger.projections.subscription.SubscriptionReadProjector;
import io.runledger.projections.systemlog.SystemLogProjector;
import io.runledger.projections.usage.UsageProjector;
import io.runledger.projections.user.UserProjector;

/**
 * The read models by name (each projector's processing group, with its own dead-letter queue), and the one
 * processor that feeds them all from one reading of the store, decoding each event once. A replay names the read
 * models it rebuilds as the reset's context; the others pass over the replayed events they already hold.
 */
public final class ReadModelProcessors {

    /** The tracking processor of every read model, as Axon's token store names it. */
    public static final String PROCESSOR = "read-models";

    public static final List<String> NAMES = List.of(
            OrgProjector.PROCESSING_GROUP, UserProjector.PROCESSING_GROUP, PatternProjector.PROCESSING_GROUP,
            SubscriptionReadProjector.PROCESSING_GROUP, RunProjector.PROCESSING_GROUP, UsageProjector.PROCESSING_GROUP,
            ProjectProjector.PROCESSING_GROUP, SystemLogProjector.PROCESSING_GROUP);

    private static final String SEPARATOR = ",";

    private ReadModelProcessors() {
    }

    /** The context of a reset that rebuilds {@code readModels}: text, as the token store keeps it in the token. */
    public static String rebuildContext(Collection<String> readModels) {
        return String.join(SEPARATOR, readModels);
    }

    /** Whether a reset, or a replay, with this context rebuilds the read model: one without a context rebuilds all. */
    public static boolean rebuilds(Object context, String readModel) {
        return !(context instanceof String names) || Arrays.asList(names.split(SEPARATOR)).contains(readModel);
    }
}
