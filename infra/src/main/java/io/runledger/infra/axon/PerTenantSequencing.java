package io.runledger.infra.axon;

import io.runledger.domain.shared.TenantEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Hands all events of one tenant to one segment, in store order, so a read model sees an org's events
 * (its runs, projects, generations and subscription together) in the order they happened, however many
 * segments and instances share the work. The same sequence is what a dead-letter queue parks together. The
 * identifier is the org id as text: Axon's JDBC dead-letter queue stores a text identifier as it is (anything
 * else as its hash code), so an operator finds a tenant's parked events by the org's id.
 */
final class PerTenantSequencing implements SequencingPolicy<EventMessage<?>> {

    static final PerTenantSequencing INSTANCE = new PerTenantSequencing();

    private PerTenantSequencing() {}

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return event.getPayload() instanceof TenantEvent tenantEvent
                ? tenantEvent.orgId().toString()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
