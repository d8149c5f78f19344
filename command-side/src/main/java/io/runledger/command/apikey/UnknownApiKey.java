package io.runledger.command.apikey;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** Also what a member of another org hears, so key ids cannot be probed. */
public class UnknownApiKey extends ClientProblem {
    UnknownApiKey(UUID orgId, UUID keyId) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No API key " + keyId + " in org " + orgId);
    }
}
