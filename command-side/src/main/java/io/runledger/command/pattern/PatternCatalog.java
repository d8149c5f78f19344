package io.runledger.command.pattern;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds the active pattern a run asks for, by id or by name. */
@Component
public record PatternCatalog(JdbcClient jdbc) {

    public record ActivePattern(UUID patternId, String name, String defaultStrategy) {}

    /** Every pattern ever registered, active or not. */
    Set<UUID> registeredIds() {
        return Set.copyOf(jdbc.sql("select pattern_id from catalog_patterns")
                .query(UUID.class)
                .list());
    }

    boolean isRegistered(UUID patternId) {
        return jdbc.sql("select exists (select 1 from catalog_patterns where pattern_id = ?)")
                .param(patternId)
                .query(Boolean.class)
                .single();
    }

    public ActivePattern activePattern(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            throw new UnknownPattern("(none)");
        }
        return jdbc.sql("""
                select pattern_id, name, default_strategy from catalog_patterns
                where active and (pattern_id::text = ? or name = ?)
                """)
                .params(idOrName.strip(), idOrName.strip())
                .query(ActivePattern.class)
                .optional()
                .orElseThrow(() -> new UnknownPattern(idOrName));
    }
}
