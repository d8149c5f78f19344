package io.runledger.domain.subscription;

import java.util.Objects;
import java.util.UUID;

/**
 * Makes the trial's end a scheduled deadline, for subscriptions started before Runledger scheduled one as the
 * trial began. A subscription that is no longer trialing has nothing to schedule.
 */
public record ScheduleTrialEnd(UUID orgId) implements SubscriptionCommand {
    public ScheduleTrialEnd {
        Objects.requireNonNull(orgId, "orgId");
    }
}
