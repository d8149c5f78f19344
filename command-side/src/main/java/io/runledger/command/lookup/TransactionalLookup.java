package io.runledger.command.lookup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.axonframework.config.ProcessingGroup;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A bean that keeps command-side lookup tables in step with events, in the transaction that stores them (ADR 0007):
 * its processing group is subscribing and a write it cannot make fails the command. infra configures every such
 * group so ({@code ProcessingGroupsConfiguration.TRANSACTIONAL_LOOKUPS}, checked by {@code ProcessingGroupsTest}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
@ProcessingGroup("") // replaced by processingGroup below: Axon and Spring both take the override
public @interface TransactionalLookup {

    /** Named as Axon's own attribute, since Axon overrides a meta-annotation's attribute only with one of the same name. */
    @AliasFor(annotation = ProcessingGroup.class, attribute = "value")
    String processingGroup();
}
