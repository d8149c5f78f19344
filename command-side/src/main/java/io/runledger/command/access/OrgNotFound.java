package io.runledger.command.access;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** Also what a non-member hears, so org ids cannot be probed. */
public class OrgNotFound extends ClientProblem {
    public OrgNotFound(UUID orgId) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No org " + orgId + " among yours");
    }
}
