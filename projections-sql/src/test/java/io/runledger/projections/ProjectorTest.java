package io.runledger.projections;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projector test: its handlers write to {@link #readModels}, its rows are read back with {@link #jdbc}, on a
 * database of the test class's own (migrated once per class), so no class sees another's rows.
 */
public abstract class ProjectorTest {

    private static final ClassValue<ReadModelDatabase> DATABASES = new ClassValue<>() {
        @Override
        protected ReadModelDatabase computeValue(Class<?> testClass) {
            return ReadModelDatabase.migrated();
        }
    };

    protected final ReadModelDatabase database = DATABASES.get(getClass());
    protected final JdbcTemplate jdbc = database.jdbc();
    protected final ReadModels readModels = database.readModels();
}
