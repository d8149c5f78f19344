package io.runledger.infra.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * A PostgreSQL that cannot be reached, or refuses the credentials or the database name, in one paragraph naming
 * the setting to fix, instead of the stack trace of the first bean that tried to connect (Flyway's, usually).
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        // 08: no connection; 28: credentials refused; 3D000: no such database
        if (!state.startsWith("08") && !state.startsWith("28") && !state.equals("3D000")) {
            return null;
        }
        String url = environment.getProperty("runledger.db.url");
        if (!StringUtils.hasText(url)) {
            return new FailureAnalysis("Runledger could not connect to its embedded PostgreSQL: " + failure.getMessage(),
                    "Check the data directory (RUNLEDGER_DATA_DIR) and the log above, or use an external PostgreSQL "
                            + "(RUNLEDGER_DB_URL).", failure);
        }
        String action = state.startsWith("28")
                ? "Check RUNLEDGER_DB_USER and RUNLEDGER_DB_PASSWORD (runledger.db.user, runledger.db.password)."
                : "Check RUNLEDGER_DB_URL (runledger.db.url): that PostgreSQL runs there and accepts connections "
                        + "from this machine, and that the database exists; unset it to run on the embedded PostgreSQL.";
        return new FailureAnalysis("Runledger could not use its database at %s (RUNLEDGER_DB_URL): %s"
                .formatted(url, failure.getMessage()), action, failure);
    }
}
