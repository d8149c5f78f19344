package io.runledger.command.access;

import java.util.UUID;

import io.runledger.command.problem.NotFound;

/** Also what a non-member hears, so org ids cannot be probed. */
public class OrgNotFound extends NotFound {
    public OrgNotFound(UUID orgId) {
        super("No org " + orgId + " among yours");
    }
}
