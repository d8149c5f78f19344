package io.runledger.command.apikey;

import java.util.UUID;

import io.runledger.command.problem.NotFound;

/** Also what a member of another org hears, so key ids cannot be probed. */
public class UnknownApiKey extends NotFound {
    UnknownApiKey(UUID orgId, UUID keyId) {
        super("No API key " + keyId + " in org " + orgId);
    }
}
