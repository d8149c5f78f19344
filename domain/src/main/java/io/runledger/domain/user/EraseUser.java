package io.runledger.domain.user;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A person's personal data is erased (their data key is destroyed by the sender, docs/erasure.md).
 *
 * @param reason why, as a platform admin gives it; null when the person erases themselves
 */
public record EraseUser(@TargetAggregateIdentifier UUID userId, String reason) {
    public EraseUser {
        Objects.requireNonNull(userId, "userId");
    }
}
