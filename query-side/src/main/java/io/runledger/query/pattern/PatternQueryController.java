package io.runledger.query.pattern;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.runledger.query.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/patterns}: the global catalog, for anyone signed in; {@code active} filters. */
@RestController
class PatternQueryController {

    private final JdbcClient jdbc;

    PatternQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PatternView(UUID id, String name, String description, String category, String defaultStrategy, boolean active,
                       Instant createdAt) {
    }

    record Patterns(List<PatternView> items) {
    }

    /** Not tenant data, so no tenant scope: every org sees the same catalog. */
    @GetMapping("/v1/patterns")
    Patterns patterns(@RequestParam(required = false) Boolean active) {
        return new Patterns(jdbc.sql("""
                select * from patterns where (cast(:active as boolean) is null or active = :active) order by name
                """).param("active", active)
                .query((rs, row) -> new PatternView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("description"), rs.getString("category"), rs.getString("default_strategy"),
                        rs.getBoolean("active"), Rows.instant(rs, "created_at")))
                .list());
    }
}
