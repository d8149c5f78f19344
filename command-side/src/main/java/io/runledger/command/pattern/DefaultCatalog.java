package io.runledger.command.pattern;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.pattern.RegisterPattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Registers the platform's starter patterns that are not in the catalog yet, at every start. Their ids
 * derive from their names, so one registered meanwhile by another instance is found taken and left as it is.
 */
@Component
// before the command-line operations (replay, reconciliation, benchmark), which expect a catalog
@Order(Ordered.HIGHEST_PRECEDENCE)
record DefaultCatalog(CommandGateway commands, PatternCatalog catalog) implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultCatalog.class);

    static final List<RegisterPattern> STARTER_PATTERNS = List.of(
            starter("summarize", "A short summary with the key points", "writing", "map-reduce"),
            starter(
                    "extract_wisdom",
                    "Ideas, quotes, habits and recommendations from a talk or text",
                    "learning",
                    "map-reduce"),
            starter("extract_keywords", "Keywords and topics for indexing", "analysis", "single-pass"),
            starter("create_outline", "A structured outline of the content", "writing", "single-pass"),
            starter("analyze_claims", "Claims made, with the evidence offered for each", "analysis", "chunked"));

    /**
     * A failure here (say, Axon Server unreachable) must not keep the service from starting and reporting
     * its health; the next start registers what is missing.
     */
    @Override
    public void run(ApplicationArguments args) {
        try {
            Set<UUID> registered = catalog.registeredIds();
            CallerContext.callAs(Caller.system(), () -> {
                STARTER_PATTERNS.stream()
                        .filter(pattern -> !registered.contains(pattern.patternId()))
                        .forEach(this::registerUnlessPresent);
                return null;
            });
        } catch (RuntimeException unavailable) {
            log.warn("Could not register the starter patterns now; the next start will: {}", unavailable.getMessage());
        }
    }

    private void registerUnlessPresent(RegisterPattern pattern) {
        try {
            commands.sendAndWait(pattern);
        } catch (AggregateStreamCreationException alreadyRegistered) {
            // registered by another instance starting at the same time
        }
    }

    private static RegisterPattern starter(String name, String description, String category, String strategy) {
        UUID id = UUID.nameUUIDFromBytes(("pattern:" + name).getBytes(StandardCharsets.UTF_8));
        return new RegisterPattern(id, name, description, category, strategy);
    }
}
