package io.runledger.domain.subscription;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An org has exactly one subscription, so its id is derived from the org's: anyone holding an org id
 * can address it, and it never collides with the org's own event stream.
 */
public final class SubscriptionIds {

    private SubscriptionIds() {}

    public static UUID forOrg(UUID orgId) {
        return UUID.nameUUIDFromBytes(("subscription:" + orgId).getBytes(StandardCharsets.UTF_8));
    }
}
