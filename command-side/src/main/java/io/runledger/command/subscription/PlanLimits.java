package io.runledger.command.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.runledger.domain.subscription.Plan;
import io.runledger.domain.subscription.PlanCatalog;
import io.runledger.domain.subscription.SubscriptionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan rules in front of paid work. Allowances are taken inside the caller's transaction, one
 * conditional increment under the usage row's lock, so concurrent requests are admitted exactly up to
 * the limit, and a request that fails afterwards gives its unit back with the rollback.
 */
@Component
public record PlanLimits(JdbcClient jdbc, PlanCatalog catalog, Clock clock) {

    static final String RUNS_PER_DAY = "runs.per_day";
    static final String GENERATIONS_PER_MONTH = "generations.per_month";

    record OrgPlan(Plan plan, SubscriptionStatus status, Timestamp trialEndsAt) {}

    /** The org's limits, if its subscription lets it start paid work at all. */
    public PlanCatalog.Limits limitsForNewWork(UUID orgId) {
        OrgPlan orgPlan = jdbc.sql("select plan, status, trial_ends_at from plan_subscriptions where org_id = ?")
                .param(orgId)
                .query(OrgPlan.class)
                .single();
        Instant now = clock.instant();
        if (orgPlan.status() == SubscriptionStatus.CANCELED || orgPlan.status() == SubscriptionStatus.UNPAID) {
            throw new SubscriptionInactive(
                    "The subscription is " + orgPlan.status().code() + "; reactivate it to start new work");
        }
        // a trial past its end whose deadline has not fired yet (it fires within a polling interval) reads as ended
        if (orgPlan.status() == SubscriptionStatus.PAUSED
                || orgPlan.status() == SubscriptionStatus.TRIALING
                        && orgPlan.trialEndsAt().toInstant().isBefore(now)) {
            throw new SubscriptionInactive(
                    "The trial ended at " + orgPlan.trialEndsAt().toInstant() + "; choose a plan to go on");
        }
        return catalog.of(orgPlan.plan());
    }

    /** Takes one run of today's allowance, or refuses with the limit, the usage and when it resets. */
    public void takeRunOfToday(UUID orgId, int maxRunsPerDay) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        take(orgId, RUNS_PER_DAY, "max_runs_per_day", today, today.plusDays(1), maxRunsPerDay);
    }

    /** Takes one generation of this month's allowance ({@code orgs.generations_limit}). */
    public void takeGenerationOfThisMonth(UUID orgId, int generationsPerMonth) {
        LocalDate monthStart =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        take(
                orgId,
                GENERATIONS_PER_MONTH,
                "generations_per_month",
                monthStart,
                monthStart.plusMonths(1),
                generationsPerMonth);
    }

    private void take(
            UUID orgId, String meter, String limitName, LocalDate periodStart, LocalDate nextPeriod, int allowed) {
        boolean taken = allowed > 0
                && jdbc.sql("""
                insert into plan_usage (org_id, meter, period_start, used) values (?, ?, ?, 1)
                on conflict (org_id, meter, period_start) do update set used = plan_usage.used + 1
                where plan_usage.used < ?
                """).params(orgId, meter, periodStart, allowed).update() == 1;
        if (!taken) {
            throw new LimitReached(
                    limitName, allowed, nextPeriod.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }
}
