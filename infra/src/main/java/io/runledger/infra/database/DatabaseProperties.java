package io.runledger.infra.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where Runledger's PostgreSQL is: an external server ({@code RUNLEDGER_DB_URL}) or, when no URL is
 * given, an embedded one keeping its files under {@code RUNLEDGER_DATA_DIR}.
 *
 * @param url          JDBC URL of an external PostgreSQL; blank starts the embedded one
 * @param user         user for the external PostgreSQL
 * @param password     password for the external PostgreSQL
 * @param dataDir      the embedded PostgreSQL's home; its cluster lives in {@code dataDir/pgdata}
 * @param embeddedPort port of the embedded PostgreSQL; 0 picks a free one at each start
 */
@ConfigurationProperties("runledger.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, int embeddedPort) {

    public boolean external() {
        return StringUtils.hasText(url);
    }

    public Path embeddedClusterDir() {
        return dataDir.resolve("pgdata");
    }
}
