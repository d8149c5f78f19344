package io.runledger.projections;

import java.util.List;

import io.runledger.projections.org.OrgProjector;
import io.runledger.projections.pattern.PatternProjector;
import io.runledger.projections.project.ProjectProjector;
import io.runledger.projections.run.RunProjector;
import io.runledger.projections.subscription.SubscriptionReadProjector;
import io.runledger.projections.systemlog.SystemLogProjector;
import io.runledger.projections.usage.UsageProjector;
import io.runledger.projections.user.UserProjector;

/** The read models' processors, by name: each projector has its own, so each is rebuilt on its own. */
public final class ReadModelProcessors {

    public static final List<String> NAMES = List.of(
            OrgProjector.PROCESSING_GROUP, UserProjector.PROCESSING_GROUP, PatternProjector.PROCESSING_GROUP,
            SubscriptionReadProjector.PROCESSING_GROUP, RunProjector.PROCESSING_GROUP, UsageProjector.PROCESSING_GROUP,
            ProjectProjector.PROCESSING_GROUP, SystemLogProjector.PROCESSING_GROUP);

    private ReadModelProcessors() {
    }
}
