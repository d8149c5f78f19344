package io.runledger.domain.operations;

import java.util.List;
import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/**
 * An operator gave up on a tenant's parked events in one processor: they are never handled by it (until a
 * replay), and this event keeps the decision in the log. Published by the platform, not by an aggregate.
 *
 * @param processor the processor whose dead letters they were ({@code read-runs}, {@code stripe-meter-events}, …)
 * @param eventIds  the events dropped from its queue, in their order
 * @param reason    what the operator wrote, or null
 */
public record DeadLettersEvicted(UUID orgId, String processor, List<String> eventIds, String reason)
        implements TenantEvent {

    public DeadLettersEvicted {
        eventIds = List.copyOf(eventIds);
    }
}
