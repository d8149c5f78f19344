package io.runledger.command.catalog;

import java.util.UUID;

public class PatternNotFound extends RuntimeException {
    PatternNotFound(UUID patternId) {
        super("No pattern " + patternId + " in the catalog");
    }
}
