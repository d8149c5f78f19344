package io.runledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.List;

import io.runledger.command.lookup.TransactionalLookup;
import io.runledger.projections.ReadModelProcessors;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Every processing group in the code is declared once, with its kind's settings, so none gets Axon's log-and-skip. */
class ProcessingGroupsTest {

    /** The processing groups of the classes carrying {@code annotation}, itself or as a meta-annotation. */
    private static List<String> groupsAnnotated(Class<? extends Annotation> annotation) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        return scanner.findCandidateComponents("io.runledger").stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .map(type -> ProcessingGroupsConfiguration.groupOf(type).orElseThrow())
                .distinct()
                .toList();
    }

    @Test
    void every_processing_group_in_the_code_is_declared_and_every_declared_group_has_handlers() {
        List<String> annotated = groupsAnnotated(ProcessingGroup.class);

        assertThat(annotated).hasSizeGreaterThanOrEqualTo(17);
        assertThat(ProcessingGroupsConfiguration.declared()).containsExactlyInAnyOrderElementsOf(annotated);
    }

    @Test
    void every_transactional_lookup_is_configured_as_one() {
        assertThat(ProcessingGroupsConfiguration.TRANSACTIONAL_LOOKUPS)
                .containsAll(groupsAnnotated(TransactionalLookup.class));
    }

    @Test
    void each_group_is_of_one_kind_and_read_models_are_named_apart_from_their_shared_processor() {
        int listed = ReadModelProcessors.NAMES.size()
                + ProcessingGroupsConfiguration.SIDE_EFFECTS.size()
                + ProcessingGroupsConfiguration.TRANSACTIONAL_LOOKUPS.size();

        assertThat(ProcessingGroupsConfiguration.declared())
                .hasSize(listed)
                .doesNotContain(ReadModelProcessors.PROCESSOR, ReadModelProcessors.REBUILD_PROCESSOR);
    }

    @Test
    void each_read_model_names_its_own_tables_which_a_rebuild_builds_anew_and_swaps_in() {
        List<String> tables = ReadModelProcessors.NAMES.stream()
                .flatMap(name -> ReadModelProcessors.tables(name).stream())
                .toList();

        assertThat(ReadModelProcessors.NAMES)
                .allSatisfy(name -> assertThat(ReadModelProcessors.tables(name)).isNotEmpty());
        assertThat(tables)
                .doesNotHaveDuplicates()
                .contains("runs", "outputs", "orgs", "org_memberships", "invitations");
    }
}
