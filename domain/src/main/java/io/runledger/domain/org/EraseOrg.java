package io.runledger.domain.org;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An offboarded tenant's content is erased (its data key is destroyed by the sender, docs/erasure.md). */
public record EraseOrg(@TargetAggregateIdentifier UUID orgId, String reason) {
    public EraseOrg {
        Objects.requireNonNull(orgId, "orgId");
    }
}
