package io.runledger.projections.systemlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.domain.org.OrgErased;
import io.runledger.domain.run.RunFailed;
import io.runledger.domain.run.RunStatus;
import io.runledger.domain.run.UsageMeter;
import io.runledger.domain.run.UsageRecorded;
import io.runledger.domain.shared.TenantEvent;
import io.runledger.projections.systemlog.LogLine.LogStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** The system log's sentences come from wordings.properties; a line there that names no event would never be used. */
class LogLineTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private LogLine lineOf(TenantEvent event) {
        return LogLine.of(event, json.valueToTree(event));
    }

    @Test
    void every_worded_event_type_is_a_tenant_event_of_the_domain() throws IOException {
        Properties wordings = new Properties();
        try (InputStream file = LogLine.class.getResourceAsStream("wordings.properties")) {
            wordings.load(file);
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(TenantEvent.class));
        Set<String> tenantEvents = scanner.findCandidateComponents("io.runledger.domain").stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .collect(Collectors.toSet());

        assertThat(wordings).isNotEmpty();
        assertThat(tenantEvents).containsAll(wordings.stringPropertyNames());
    }

    @Test
    void a_sentence_is_filled_with_the_events_values_and_an_error_keeps_its_message() {
        LogLine failed =
                lineOf(new RunFailed(UUID.randomUUID(), UUID.randomUUID(), "model timed out", RunStatus.PROCESSING));

        assertThat(failed)
                .isEqualTo(
                        new LogLine("run_failed", LogStatus.ERROR, "Run failed: model timed out", "model timed out"));
    }

    @Test
    void codes_read_in_lower_case_and_numbers_in_plain_notation() {
        LogLine usage = lineOf(UsageRecorded.ofRun(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UsageMeter.TOKENS_USED,
                new BigDecimal("1E+2"),
                null));

        assertThat(usage)
                .isEqualTo(
                        new LogLine("usage_recorded", LogStatus.SUCCESS, "Usage recorded: 100 of tokens.used", null));
    }

    @Test
    void an_event_without_a_wording_reads_as_the_words_of_its_name() {
        LogLine erased = lineOf(new OrgErased(UUID.randomUUID(), "contract ended", List.of()));

        assertThat(erased).isEqualTo(new LogLine("org_erased", LogStatus.SUCCESS, "Org Erased", null));
    }
}
