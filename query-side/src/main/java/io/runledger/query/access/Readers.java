package io.runledger.query.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who may read what, as the command side decides it (the application wires it in): queries never read
 * their own idea of membership from the eventually consistent read models.
 */
public interface Readers {

    /** Returns if the caller may read the org; otherwise throws what the API answers (404 to strangers). */
    void requireReader(UUID orgId);

    /** As {@link #requireReader}, and the caller must be an admin or owner of the org (else a 403). */
    void requireAdmin(UUID orgId);

    /** The orgs the caller may read: a person's memberships, or an API key's one org. */
    List<UUID> readableOrgs();

    /** Returns if the caller operates the platform; otherwise throws a 403. */
    void requirePlatformAdmin();

    /**
     * Whether the org has this run (or generation): asked of the command side, which records it in the
     * transaction that accepts it, so a stream opened right after the 202 is not refused.
     */
    boolean runExists(UUID orgId, UUID runId);

    boolean generationExists(UUID orgId, UUID generationId);

    /** Who is asking, as the events they cause record it (actor, request and correlation ids). */
    Map<String, String> callerMetadata();
}
