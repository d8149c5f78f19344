package io.runledger.projections;

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
 * A projector of a read model: a bean whose event handlers keep the read model's tables, in the read model's
 * processing group (one of {@link ReadModelProcessors#NAMES}). infra's Axon configuration gives every read model
 * the same settings: fed by {@link ReadModelProcessors#PROCESSOR}, a dead-letter queue of its own, rebuilt beside
 * its live tables.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
@ProcessingGroup("") // replaced by processingGroup below: Axon and Spring both take the override
public @interface ReadModelProjector {

    /**
     * The read model's name, which is its processing group: named as Axon's own attribute, since Axon overrides
     * a meta-annotation's attribute only with one of the same name.
     */
    @AliasFor(annotation = ProcessingGroup.class, attribute = "value")
    String processingGroup();
}
