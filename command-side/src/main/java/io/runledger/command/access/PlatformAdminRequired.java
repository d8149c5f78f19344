package io.runledger.command.access;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

public class PlatformAdminRequired extends ClientProblem {
    public PlatformAdminRequired() {
        super(
                HttpStatus.FORBIDDEN,
                "platform-admin-required",
                "Not allowed",
                "Only platform admins (RUNLEDGER_PLATFORM_ADMINS) may do this");
    }
}
