package io.runledger.projections.subscription;

import java.util.Map;

import io.runledger.domain.subscription.Plan;
import io.runledger.domain.subscription.PlanCatalog;
import io.runledger.projections.ReadModels;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code plans}: the configured plans, written at start-up (before any processor runs), since plans are
 * configuration, not events. A changed setting shows after the next start, in {@code plans} and in the generations
 * limit each org's row copies from its plan.
 */
@Component
public record PlanTable(ReadModels models, PlanCatalog catalog) {

    private static final String GENERATIONS_PER_MONTH = "(limits ->> 'generations_per_month')::int";

    /** SQL for a plan's generations per month, given the plan's code as parameter. */
    public static final String GENERATIONS_LIMIT_OF_PLAN =
            "coalesce((select " + GENERATIONS_PER_MONTH + " from plans where id = ?), generations_limit)";

    private static final Logger log = LoggerFactory.getLogger(PlanTable.class);

    @PostConstruct
    void writeConfiguredPlans() {
        for (Plan plan : Plan.values()) {
            PlanCatalog.Limits limits = catalog.of(plan);
            models.write(
                    """
                    insert into plans (id, name, monthly_price_cents, limits) values (?, ?, ?, ?::jsonb)
                    on conflict (id) do update
                    set name = excluded.name, monthly_price_cents = excluded.monthly_price_cents, limits = excluded.limits
                    """,
                    plan.code(),
                    displayName(plan),
                    limits.monthlyPriceCents(),
                    models.json(Map.of(
                            "max_runs_per_day", limits.maxRunsPerDay(),
                            "max_chars", limits.maxChars(),
                            "generations_per_month", limits.generationsPerMonth())));
        }
        // the org's row took its plan's limit at its last subscription event; a setting changed since applies now,
        // as it does on the command side, and as a replay would give it
        try {
            models.write("update orgs o set generations_limit = " + GENERATIONS_PER_MONTH + " from plans p "
                    + "where p.id = o.subscription_plan and o.generations_limit is distinct from "
                    + GENERATIONS_PER_MONTH);
        } catch (DataAccessException busy) {
            // another instance's processors may hold the rows: the next subscription event or start applies it
            log.warn("The orgs' generations limits were not brought to the configured plans", busy);
        }
    }

    private static String displayName(Plan plan) {
        return plan.code().substring(0, 1).toUpperCase() + plan.code().substring(1);
    }
}
