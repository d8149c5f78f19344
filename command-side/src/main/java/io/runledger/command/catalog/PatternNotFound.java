package io.runledger.command.catalog;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

public class PatternNotFound extends ClientProblem {
    PatternNotFound(UUID patternId) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No pattern " + patternId + " in the catalog");
    }
}
