package io.runledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** The read models, their tables, and their projectors as Axon and Spring read the projectors' declarations. */
class ReadModelProcessorsTest {

    private static List<Class<?>> projectors() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ReadModelProjector.class));
        return scanner.findCandidateComponents("io.runledger.projections").stream()
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .toList();
    }

    /** What a batch's writes in table order and a read model's rebuild on its own both rely on. */
    @Test
    void a_foreign_key_joins_tables_of_one_read_model_and_its_parent_table_comes_first() {
        List<String> tables = ReadModelProcessors.tablesParentsFirst();
        List<Map<String, Object>> foreignKeys =
                ReadModelDatabase.migrated().jdbc().queryForList("""
                        select conrelid::regclass::text as child, confrelid::regclass::text as parent
                        from pg_constraint where contype = 'f'
                        """);

        assertThat(foreignKeys)
                .filteredOn(key -> tables.contains(key.get("child")))
                .isNotEmpty()
                .allSatisfy(key -> {
                    String child = (String) key.get("child");
                    String parent = (String) key.get("parent");
                    assertThat(readModelOf(parent))
                            .as("%s's parent %s", child, parent)
                            .isEqualTo(readModelOf(child));
                    assertThat(tables.indexOf(parent))
                            .as("%s before %s", parent, child)
                            .isLessThan(tables.indexOf(child));
                });
        assertThat(ReadModelProcessors.tables(ReadModelProcessors.ORGS))
                .containsExactly("orgs", "org_memberships", "invitations");
    }

    private static Optional<String> readModelOf(String table) {
        return ReadModelProcessors.NAMES.stream()
                .filter(readModel -> ReadModelProcessors.tables(readModel).contains(table))
                .findFirst();
    }

    @Test
    void every_read_model_has_projectors_whose_processing_group_axon_and_spring_take_from_their_declaration() {
        List<Class<?>> projectors = projectors();

        assertThat(projectors).hasSize(10).allSatisfy(projector -> {
            String readModel = projector.getAnnotation(ReadModelProjector.class).processingGroup();
            assertThat(AnnotationUtils.<String>findAnnotationAttribute(
                            projector, ProcessingGroup.class, "processingGroup"))
                    .as("Axon's processing group of %s", projector)
                    .contains(readModel);
            assertThat(AnnotatedElementUtils.findMergedAnnotation(projector, ProcessingGroup.class))
                    .as("Spring's processing group of %s", projector)
                    .extracting(ProcessingGroup::value)
                    .isEqualTo(readModel);
        });
        assertThat(projectors.stream()
                        .map(projector -> projector
                                .getAnnotation(ReadModelProjector.class)
                                .processingGroup())
                        .distinct())
                .containsExactlyInAnyOrderElementsOf(ReadModelProcessors.NAMES);
    }
}
