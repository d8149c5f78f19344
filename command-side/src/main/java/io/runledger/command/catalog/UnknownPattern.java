package io.runledger.command.catalog;

public class UnknownPattern extends RuntimeException {
    public UnknownPattern(String idOrName) {
        super("No active pattern '%s' in the catalog; GET /v1/patterns lists them".formatted(idOrName));
    }
}
