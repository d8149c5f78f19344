package io.runledger.domain.shared;

import java.util.UUID;

/**
 * The platform itself as a tenant: global facts (users, the pattern catalog) belong to no customer
 * org, so their events name this fixed id instead of a null.
 */
public final class Platform {
    public static final UUID ORG_ID = new UUID(0L, 0L);

    private Platform() {}
}
