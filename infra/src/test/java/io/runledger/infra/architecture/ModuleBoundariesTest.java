package io.runledger.infra.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import javax.sql.DataSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.runledger.domain.shared.TenantEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules the module layout rests on, checked on the compiled code of every module; each says why. Which module
 * may use which is the poms' to say (a class outside them does not compile); tables' owners are {@link TableOwnersTest}'s.
 */
@AnalyzeClasses(packages = "io.runledger", importOptions = ImportOption.DoNotIncludeTests.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule the_domain_knows_only_the_jdk_and_axon = classes()
            .that()
            .resideInAPackage("io.runledger.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "io.runledger.domain..",
                    "org.axonframework.modelling..",
                    "org.axonframework.messaging..",
                    "org.axonframework.commandhandling..",
                    "org.axonframework.eventsourcing..",
                    "org.axonframework.eventhandling..",
                    "org.axonframework.deadline..")
            .because("the rules of the business are tested with Axon's fixture alone and outlive any framework");

    @ArchTest
    static final ArchRule the_domain_uses_no_spring_and_no_sql = noClasses()
            .that()
            .resideInAPackage("io.runledger.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
            .because("aggregates decide from their events only, never from a table");

    @ArchTest
    static final ArchRule no_package_depends_on_itself_through_others = slices().matching("io.runledger.(**)")
            .should()
            .beFreeOfCycles()
            .because("a feature's package can be read, moved or deleted only if what it uses does not use it back");

    @ArchTest
    static final ArchRule controllers_hold_no_sql = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class, DataSource.class)
            .because(
                    "SQL lives next to the code that owns the table, so a table's readers and writers are found in one place");

    @ArchTest
    static final ArchRule controllers_do_not_call_each_other = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat(describe(
                    "are other controllers", (JavaClass target) -> target.isAnnotatedWith(RestController.class)))
            .because(
                    "an endpoint's behaviour is its own controller plus the services it names, nothing routed through another");

    @ArchTest
    static final ArchRule events_are_records = classes()
            .that()
            .areAssignableTo(TenantEvent.class)
            .and()
            .areNotInterfaces()
            .should(beRecords())
            .because("events are stored as JSON for ever: immutable values whose components are their whole content");

    @ArchTest
    static final ArchRule handled_messages_are_records = codeUnits()
            .that()
            .areMetaAnnotatedWith(CommandHandler.class)
            .or()
            .areMetaAnnotatedWith(EventHandler.class)
            .should(takeARecordOrAnInterfaceOfRecords())
            .because("commands and events are small immutable records that travel and survive JSON unchanged");

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean record = javaClass.isAssignableTo(Record.class);
                events.add(new SimpleConditionEvent(
                        javaClass, record, javaClass.getName() + (record ? " is" : " is not") + " a record"));
            }
        };
    }

    /** The message a handler takes is its first parameter; an interface stands for events, each a record by the rule above. */
    private static ArchCondition<JavaCodeUnit> takeARecordOrAnInterfaceOfRecords() {
        return new ArchCondition<>("take a record (or an interface of records) of Runledger as their message") {
            @Override
            public void check(JavaCodeUnit handler, ConditionEvents events) {
                if (handler.getRawParameterTypes().isEmpty()
                        || !handler.getRawParameterTypes()
                                .get(0)
                                .getPackageName()
                                .startsWith("io.runledger.")) {
                    return;
                }
                JavaClass message = handler.getRawParameterTypes().get(0);
                boolean valid =
                        message.isInterface() || assignableTo(Record.class).test(message);
                events.add(new SimpleConditionEvent(
                        handler,
                        valid,
                        handler.getFullName() + " takes " + message.getName()
                                + (valid ? "" : ", which is not a record")));
            }
        };
    }
}
