package io.runledger.command.pattern;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

public class UnknownPattern extends ClientProblem {
    public UnknownPattern(String idOrName) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "unknown-pattern",
                "Unknown pattern",
                "No active pattern '%s' in the catalog; GET /v1/patterns lists them".formatted(idOrName));
    }
}
