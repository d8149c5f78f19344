package io.runledger.domain.subscription;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands address a subscription through the org it belongs to. */
public interface SubscriptionCommand {

    UUID orgId();

    @TargetAggregateIdentifier
    default UUID subscriptionId() {
        return SubscriptionIds.forOrg(orgId());
    }
}
