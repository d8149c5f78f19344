package io.runledger.domain.pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.Platform;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A prompt recipe in the managed catalog that runs apply to their input. */
public class Pattern {

    @AggregateIdentifier
    private UUID patternId;

    private PatternUpdated current;
    private PatternStatus status;

    protected Pattern() {}

    @CommandHandler
    public Pattern(RegisterPattern command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidCommand("A pattern needs a name");
        }
        apply(new PatternRegistered(
                Platform.ORG_ID,
                command.patternId(),
                command.name().strip(),
                command.description(),
                command.category(),
                command.defaultStrategy()));
    }

    @CommandHandler
    void handle(UpdatePattern command) {
        if (status == PatternStatus.INACTIVE) {
            throw new IllegalTransition("Pattern", patternId, status, "update it");
        }
        if (command.name() != null && command.name().isBlank()) {
            throw new InvalidCommand("A pattern needs a name");
        }
        PatternUpdated updated = new PatternUpdated(
                Platform.ORG_ID,
                patternId,
                command.name() == null ? current.name() : command.name().strip(),
                orElse(command.description(), current.description()),
                orElse(command.category(), current.category()),
                orElse(command.defaultStrategy(), current.defaultStrategy()));
        if (!updated.equals(current)) {
            apply(updated);
        }
    }

    @CommandHandler
    void handle(DeactivatePattern command) {
        if (status == PatternStatus.ACTIVE) {
            apply(new PatternDeactivated(Platform.ORG_ID, patternId));
        }
    }

    @CommandHandler
    void handle(ReactivatePattern command) {
        if (status == PatternStatus.INACTIVE) {
            apply(new PatternReactivated(Platform.ORG_ID, patternId));
        }
    }

    /** A field left out keeps its value, which may be none (a pattern registered without a description). */
    private static String orElse(String given, String current) {
        return given != null ? given : current;
    }

    @EventSourcingHandler
    void on(PatternRegistered event) {
        patternId = event.patternId();
        status = PatternStatus.ACTIVE;
        current = new PatternUpdated(
                event.orgId(),
                event.patternId(),
                event.name(),
                event.description(),
                event.category(),
                event.defaultStrategy());
    }

    @EventSourcingHandler
    void on(PatternUpdated event) {
        current = event;
    }

    @EventSourcingHandler
    void on(PatternDeactivated event) {
        status = PatternStatus.INACTIVE;
    }

    @EventSourcingHandler
    void on(PatternReactivated event) {
        status = PatternStatus.ACTIVE;
    }
}
