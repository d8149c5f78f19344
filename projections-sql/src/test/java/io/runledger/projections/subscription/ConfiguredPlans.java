package io.runledger.projections.subscription;

import java.util.Map;

import io.runledger.domain.subscription.Plan;
import io.runledger.domain.subscription.PlanCatalog;
import io.runledger.projections.ReadModels;

/** The plans as {@code application.yml} configures them, written by {@link PlanTable} as the start-up writes them. */
public final class ConfiguredPlans {

    public static final PlanCatalog CATALOG = new PlanCatalog(Map.of(
            Plan.FREE, new PlanCatalog.Limits(50, 20_000, 3, 0),
            Plan.PRO, new PlanCatalog.Limits(1_000, 200_000, 50, 2_900),
            Plan.TEAM, new PlanCatalog.Limits(10_000, 1_000_000, 500, 9_900)));

    private ConfiguredPlans() {}

    public static void written(ReadModels models, PlanCatalog catalog) {
        new PlanTable(models, catalog).writeConfiguredPlans();
    }
}
