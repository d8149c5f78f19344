package io.runledger.domain.user;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/**
 * The person's data key was destroyed: everything sealed under it now reads as their placeholder. Holds no personal
 * data itself; {@code reason} is the operator's (null when the person erased themselves).
 */
public record UserErased(UUID orgId, UUID userId, String reason) implements TenantEvent {
}
