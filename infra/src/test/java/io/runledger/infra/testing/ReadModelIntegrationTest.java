package io.runledger.infra.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link RunledgerIntegrationTest} on a database shared only by read-model tests, which leave no job waiting
 * (their {@link TenantDay}s finish what they queue), with {@value #PLATFORM_ADMIN} as platform admin.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RunledgerIntegrationTest
@TestPropertySource(properties = "runledger.platform-admins=" + ReadModelIntegrationTest.PLATFORM_ADMIN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface ReadModelIntegrationTest {
    String PLATFORM_ADMIN = "ops@example.com";
}
