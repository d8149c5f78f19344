package io.runledger.command.access;

import java.util.UUID;

import io.runledger.command.problem.NotFound;

/** Also what a member of another org hears, so project ids cannot be probed across orgs. */
public class ProjectNotFound extends NotFound {
    public ProjectNotFound(UUID orgId, UUID projectId) {
        super("No project " + projectId + " in org " + orgId);
    }
}
