package io.runledger.infra.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real PostgreSQL database of its own, serving HTTP on a random port; its
 * {@code TestRestTemplate} checks every call against the API document ({@link SpecValidation}); the events it
 * stores are at hand as {@link StoredEvents}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@Import({SpecValidation.class, StoredEvents.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public @interface RunledgerIntegrationTest {}
