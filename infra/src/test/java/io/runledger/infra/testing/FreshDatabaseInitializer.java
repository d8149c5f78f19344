package io.runledger.infra.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points an application context at a new, empty database before anything connects. */
public class FreshDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "runledger-test-database", databaseProperties(TestDatabases.createFresh())));
    }

    /** The properties that make Runledger use {@code database} instead of starting its own. */
    public static Map<String, Object> databaseProperties(TestDatabases.Database database) {
        return Map.of(
                "runledger.db.url", database.url(),
                "runledger.db.user", database.user(),
                "runledger.db.password", database.password() == null ? "" : database.password());
    }
}
