package io.runledger.command.access;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** Also what a member of another org hears, so project ids cannot be probed across orgs. */
public class ProjectNotFound extends ClientProblem {
    public ProjectNotFound(UUID orgId, UUID projectId) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No project " + projectId + " in org " + orgId);
    }
}
