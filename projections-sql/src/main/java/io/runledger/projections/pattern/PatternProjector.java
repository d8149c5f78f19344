package io.runledger.projections.pattern;

import java.time.Instant;

import io.runledger.domain.pattern.PatternDeactivated;
import io.runledger.domain.pattern.PatternReactivated;
import io.runledger.domain.pattern.PatternRegistered;
import io.runledger.domain.pattern.PatternUpdated;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/** {@code patterns}: the global catalog. */
@ReadModelProjector(processingGroup = ReadModelProcessors.PATTERNS)
public record PatternProjector(ReadModels models) {

    @EventHandler
    void on(PatternRegistered registered, @Timestamp Instant at) {
        models.write(
                """
                insert into patterns (id, name, description, category, default_strategy, active, created_at)
                values (?, ?, ?, ?, ?, true, ?)
                on conflict (id) do nothing
                """,
                registered.patternId(),
                registered.name(),
                registered.description(),
                registered.category(),
                registered.defaultStrategy(),
                ReadModels.at(at));
    }

    /** The event carries every field as it is after the update. */
    @EventHandler
    void on(PatternUpdated updated) {
        models.write(
                "update patterns set name = ?, description = ?, category = ?, default_strategy = ? where id = ?",
                updated.name(),
                updated.description(),
                updated.category(),
                updated.defaultStrategy(),
                updated.patternId());
    }

    @EventHandler
    void on(PatternDeactivated deactivated) {
        models.write("update patterns set active = false where id = ?", deactivated.patternId());
    }

    @EventHandler
    void on(PatternReactivated reactivated) {
        models.write("update patterns set active = true where id = ?", reactivated.patternId());
    }
}
