package io.runledger.infra.billing;

import java.time.Instant;
import java.util.UUID;

import io.runledger.query.billing.Reconciliation;
import io.runledger.query.paging.TimeRange;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@code java -jar runledger.jar --runledger.reconcile.from=2026-11-01 --runledger.reconcile.to=2026-12-01
 * [--runledger.reconcile.org-id=…] [--runledger.reconcile.as-of=…]}: prints the reconciliation as CSV on
 * standard output and exits; the same report as {@code GET /v1/admin/billing/reconciliation?format=csv}.
 */
@Component
record ReconcileFromCommandLine(
        Reconciliation reconciliation, Environment environment, ConfigurableApplicationContext context)
        implements ApplicationRunner {

    @Override
    public void run(ApplicationArguments args) {
        String from = environment.getProperty("runledger.reconcile.from");
        if (from == null) {
            return;
        }
        TimeRange period = TimeRange.of(from, environment.getRequiredProperty("runledger.reconcile.to"));
        String asOf = environment.getProperty("runledger.reconcile.as-of");
        String orgId = environment.getProperty("runledger.reconcile.org-id");
        System.out.print(Reconciliation.csv(reconciliation.report(
                period.from(),
                period.to(),
                asOf == null ? Instant.now() : TimeRange.of("2000-01-01", asOf).to(),
                orgId == null ? null : UUID.fromString(orgId),
                StringUtils.hasText(environment.getProperty("runledger.stripe.api-key")))));
        System.out.flush();
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
