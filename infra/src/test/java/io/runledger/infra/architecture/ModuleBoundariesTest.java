package io.runledger.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** The module table of DESIGN.md, enforced on the compiled code of every module. */
@AnalyzeClasses(packages = "io.runledger", importOptions = ImportOption.DoNotIncludeTests.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule modules_depend_only_as_the_design_allows = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("io.runledger.domain..")
            .layer("command-side").definedBy("io.runledger.command..")
            .layer("projections-sql").definedBy("io.runledger.projections..")
            .layer("query-side").definedBy("io.runledger.query..")
            .layer("console").definedBy("io.runledger.console..")
            .layer("infra").definedBy("io.runledger.infra..")
            .whereLayer("infra").mayNotBeAccessedByAnyLayer()
            .whereLayer("command-side").mayOnlyBeAccessedByLayers("infra")
            .whereLayer("query-side").mayOnlyBeAccessedByLayers("infra")
            .whereLayer("console").mayOnlyBeAccessedByLayers("infra")
            .whereLayer("projections-sql").mayOnlyBeAccessedByLayers("query-side", "infra")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("command-side", "projections-sql", "query-side", "infra")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_domain_knows_only_the_jdk_and_axon = classes()
            .that().resideInAPackage("io.runledger.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.runledger.domain..", "org.axonframework.modelling..",
                    "org.axonframework.messaging..", "org.axonframework.commandhandling..",
                    "org.axonframework.eventsourcing..", "org.axonframework.eventhandling..", "org.axonframework.deadline..");

    @ArchTest
    static final ArchRule the_domain_uses_no_spring_and_no_sql = noClasses()
            .that().resideInAPackage("io.runledger.domain..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..");
}
