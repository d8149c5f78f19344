package io.runledger.command.plan;

import java.util.Map;

import io.runledger.domain.subscription.Plan;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What each plan allows ({@code runledger.plans.<plan>.*}); the defaults, in application.yml, are the
 * README's plan table.
 *
 * @param plans the limits of each plan
 */
@ConfigurationProperties("runledger")
public record PlanCatalog(Map<Plan, Limits> plans) {

    /**
     * @param maxRunsPerDay       runs an org may queue per UTC day
     * @param maxChars            characters of text input per run
     * @param generationsPerMonth generations an org may request per calendar month (UTC)
     */
    public record Limits(int maxRunsPerDay, int maxChars, int generationsPerMonth) {
    }

    public Limits of(Plan plan) {
        Limits limits = plans.get(plan);
        if (limits == null) {
            throw new IllegalStateException("No limits configured for plan " + plan.code());
        }
        return limits;
    }
}
