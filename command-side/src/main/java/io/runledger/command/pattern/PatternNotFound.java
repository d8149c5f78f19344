package io.runledger.command.pattern;

import java.util.UUID;

import io.runledger.command.problem.NotFound;

public class PatternNotFound extends NotFound {
    PatternNotFound(UUID patternId) {
        super("No pattern " + patternId + " in the catalog");
    }
}
