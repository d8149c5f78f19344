package io.runledger.infra.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Says in one paragraph that the external PostgreSQL ({@code RUNLEDGER_DB_URL}) could not be reached, refused the
 * credentials or has no such database, and which setting to fix, instead of a stack trace through the connection
 * pool and Flyway. Other SQL failures, and the embedded database's, are left to the stack trace.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** PostgreSQL's SQLSTATE classes and codes (Appendix A of its manual) */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private static final String INVALID_AUTHORIZATION_CLASS = "28";
    private static final String INVALID_CATALOG_NAME = "3D000";

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String url = environment.getProperty("runledger.db.url", "");
        String state = cause.getSQLState();
        if (url.isBlank() || state == null) {
            return null;
        }
        String where = withoutParameters(url);
        String reason = cause.getMessage() == null ? state : cause.getMessage().replaceFirst("\\.$", "");
        if (state.startsWith(CONNECTION_EXCEPTION_CLASS)) {
            return new FailureAnalysis(
                    ("Runledger could not reach its PostgreSQL at %s (RUNLEDGER_DB_URL): %s. Nothing" + " was started.")
                            .formatted(where, reason),
                    "Start PostgreSQL or make it accept TCP connections from this machine at that host and port, or"
                            + " correct RUNLEDGER_DB_URL (runledger.db.url, jdbc:postgresql://host:5432/database); unset"
                            + " it to run the embedded PostgreSQL instead (docs/configuration.md).",
                    cause);
        }
        if (state.startsWith(INVALID_AUTHORIZATION_CLASS)) {
            return new FailureAnalysis(
                    ("The PostgreSQL at %s (RUNLEDGER_DB_URL) refused the user '%s': %s. Nothing was" + " started.")
                            .formatted(where, environment.getProperty("runledger.db.user", ""), reason),
                    "Set RUNLEDGER_DB_USER and RUNLEDGER_DB_PASSWORD (runledger.db.user, runledger.db.password) to a"
                            + " user PostgreSQL admits from this machine (pg_hba.conf), see docs/configuration.md.",
                    cause);
        }
        if (state.equals(INVALID_CATALOG_NAME)) {
            return new FailureAnalysis(
                    ("The PostgreSQL at %s (RUNLEDGER_DB_URL) has no such database: %s. Nothing was" + " started.")
                            .formatted(where, reason),
                    "Create the database (createdb, with the owner RUNLEDGER_DB_USER) or correct its name in"
                            + " RUNLEDGER_DB_URL (runledger.db.url); Flyway then creates the tables (docs/configuration.md).",
                    cause);
        }
        return null;
    }

    /** A JDBC URL's parameters may carry a password. */
    private static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}
