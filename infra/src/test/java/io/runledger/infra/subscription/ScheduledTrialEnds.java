package io.runledger.infra.subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.runledger.domain.subscription.Subscription;
import io.runledger.domain.subscription.SubscriptionIds;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;

/** The trial ends waiting in {@code scheduled_tasks}, as the deadline scheduler reads them. */
final class ScheduledTrialEnds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduledTrialEnds() {}

    /** When the trial ends of the org's subscription are due, one entry per scheduled deadline. */
    static List<Instant> of(Scheduler scheduler, String orgId) {
        String subscription = SubscriptionIds.forOrg(UUID.fromString(orgId)).toString();
        List<Instant> due = new ArrayList<>();
        scheduler.fetchScheduledExecutions(execution -> {
            if (execution.getData() instanceof DbSchedulerBinaryDeadlineDetails deadline
                    && deadline.getD().equals(Subscription.TRIAL_END)
                    && scopeOf(deadline).equals(subscription)) {
                due.add(execution.getExecutionTime());
            }
        });
        return due;
    }

    /** The aggregate the deadline is for: its scope descriptor, as Axon's Jackson serializer wrote it. */
    private static String scopeOf(DbSchedulerBinaryDeadlineDetails deadline) {
        try {
            return JSON.readTree(deadline.getS()).path("identifier").asText();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
