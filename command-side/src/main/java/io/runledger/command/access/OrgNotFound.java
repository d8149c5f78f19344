package io.runledger.command.access;

import java.util.UUID;

/** Also what a non-member hears, so org ids cannot be probed. */
public class OrgNotFound extends RuntimeException {
    public OrgNotFound(UUID orgId) {
        super("No org " + orgId + " among yours");
    }
}
