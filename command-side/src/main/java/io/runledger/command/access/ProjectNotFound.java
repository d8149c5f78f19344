package io.runledger.command.access;

import java.util.UUID;

/** Also what a member of another org hears, so project ids cannot be probed across orgs. */
public class ProjectNotFound extends RuntimeException {
    public ProjectNotFound(UUID orgId, UUID projectId) {
        super("No project " + projectId + " in org " + orgId);
    }
}
