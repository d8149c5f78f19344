package io.runledger.command.pattern;

import io.runledger.command.lookup.TransactionalLookup;
import io.runledger.domain.pattern.PatternDeactivated;
import io.runledger.domain.pattern.PatternReactivated;
import io.runledger.domain.pattern.PatternRegistered;
import io.runledger.domain.pattern.PatternUpdated;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps {@code catalog_patterns} in step with the pattern events, in their transaction. */
@TransactionalLookup(processingGroup = "catalog")
public record CatalogProjector(JdbcClient jdbc) {

    @EventHandler
    void on(PatternRegistered registered) {
        claimName(
                registered.name(),
                "insert into catalog_patterns (pattern_id, name, default_strategy, active) values (?, ?, ?, true)",
                registered.patternId(),
                registered.name(),
                registered.defaultStrategy());
    }

    @EventHandler
    void on(PatternUpdated updated) {
        claimName(
                updated.name(),
                "update catalog_patterns set name = ?, default_strategy = ? where pattern_id = ?",
                updated.name(),
                updated.defaultStrategy(),
                updated.patternId());
    }

    /** Runs choose patterns by name, so two patterns may not share one; the command that tries fails whole. */
    private void claimName(String name, String sql, Object... params) {
        try {
            jdbc.sql(sql).params(params).update();
        } catch (DuplicateKeyException nameTaken) {
            throw new PatternNameTaken(name);
        }
    }

    @EventHandler
    void on(PatternDeactivated deactivated) {
        jdbc.sql("update catalog_patterns set active = false where pattern_id = ?")
                .param(deactivated.patternId())
                .update();
    }

    @EventHandler
    void on(PatternReactivated reactivated) {
        jdbc.sql("update catalog_patterns set active = true where pattern_id = ?")
                .param(reactivated.patternId())
                .update();
    }
}
