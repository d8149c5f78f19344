package io.runledger.domain.subscription;

import java.util.Map;

/**
 * What each plan allows and costs ({@code runledger.plans.<plan>.*}); the defaults, in application.yml, are
 * the README's plan table.
 *
 * @param plans the limits of each plan
 */
public record PlanCatalog(Map<Plan, Limits> plans) {

    /**
     * @param maxRunsPerDay       runs an org may queue per UTC day
     * @param maxChars            characters of text input per run
     * @param generationsPerMonth generations an org may request per calendar month (UTC)
     * @param monthlyPriceCents   the list price shown in {@code plans}; Stripe's price is what is charged
     */
    public record Limits(int maxRunsPerDay, int maxChars, int generationsPerMonth, int monthlyPriceCents) {}

    public Limits of(Plan plan) {
        Limits limits = plans.get(plan);
        if (limits == null) {
            throw new IllegalStateException("No limits configured for plan " + plan.code());
        }
        return limits;
    }
}
