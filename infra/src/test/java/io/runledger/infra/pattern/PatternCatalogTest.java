package io.runledger.infra.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import io.runledger.command.pattern.PatternNameTaken;
import io.runledger.domain.pattern.RegisterPattern;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RunledgerIntegrationTest
class PatternCatalogTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_starter_patterns_are_registered_at_start_once_each() {
        assertThat(jdbc.queryForList("select name from catalog_patterns where active order by name", String.class))
                .containsExactly("analyze_claims", "create_outline", "extract_keywords", "extract_wisdom", "summarize");
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type = 'io.runledger.domain.pattern.PatternRegistered'
                """, Integer.class)).isEqualTo(5);
    }

    @Test
    void a_second_pattern_with_a_taken_name_is_refused_and_nothing_of_it_is_stored() {
        UUID copycat = UUID.randomUUID();

        assertThatThrownBy(() -> commands.sendAndWait(new RegisterPattern(copycat, "summarize", "Mine", null, null)))
                .isInstanceOf(PatternNameTaken.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Integer.class,
                        copycat.toString()))
                .isZero();
    }
}
