package io.runledger.query.pattern;

import java.util.List;
import java.util.UUID;

import io.runledger.query.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code patterns} read model: not tenant data, so no tenant scope; every org sees the same catalog. */
@Component
record PatternQueries(JdbcClient jdbc) {

    /** @param active null for all */
    List<PatternQueryController.PatternView> list(Boolean active) {
        return jdbc.sql("""
                select * from patterns where (cast(:active as boolean) is null or active = :active) order by name
                """)
                .param("active", active)
                .query((rs, row) -> new PatternQueryController.PatternView(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("category"),
                        rs.getString("default_strategy"),
                        rs.getBoolean("active"),
                        Rows.instant(rs, "created_at")))
                .list();
    }
}
