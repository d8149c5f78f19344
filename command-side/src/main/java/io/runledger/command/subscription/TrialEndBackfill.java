package io.runledger.command.subscription;

import java.util.List;
import java.util.UUID;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.subscription.ScheduleTrialEnd;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At every start, schedules the trial ends of trialing subscriptions that started without one (before trial
 * ends were deadlines, or on an instance of an earlier version). A trial that has already ended gets a deadline
 * due at once, so no subscription stays trialing for ever. Each row is locked, scheduled and marked in one
 * transaction, so instances starting together schedule each trial end once.
 */
@Component
// after the starter patterns, before the command-line operations
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
record TrialEndBackfill(JdbcClient jdbc, CommandGateway commands, TransactionTemplate transactions)
        implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TrialEndBackfill.class);
    private static final int BATCH = 100;

    /** A failure must not keep the service from starting: what is left is scheduled at the next start. */
    @Override
    public void run(ApplicationArguments args) {
        try {
            int scheduled = CallerContext.callAs(Caller.system(), this::scheduleMissing);
            if (scheduled > 0) {
                log.info("Scheduled the trial ends of {} subscriptions that started without one", scheduled);
            }
        } catch (RuntimeException unavailable) {
            log.warn(
                    "Could not schedule every missing trial end now; the next start will: {}",
                    unavailable.getMessage());
        }
    }

    /** @return how many trial ends this instance scheduled */
    int scheduleMissing() {
        int scheduled = 0;
        int batch;
        do {
            batch = transactions.execute(status -> scheduleNextBatch());
            scheduled += batch;
        } while (batch > 0);
        return scheduled;
    }

    /** Rows another instance is scheduling are skipped: they are marked when its transaction commits. */
    private int scheduleNextBatch() {
        List<UUID> orgs = jdbc.sql("""
                select org_id from plan_subscriptions where status = 'TRIALING' and not trial_end_scheduled
                limit ? for update skip locked
                """).param(BATCH).query(UUID.class).list();
        for (UUID org : orgs) {
            commands.sendAndWait(new ScheduleTrialEnd(org));
            jdbc.sql("update plan_subscriptions set trial_end_scheduled = true where org_id = ?")
                    .param(org)
                    .update();
        }
        return orgs.size();
    }
}
