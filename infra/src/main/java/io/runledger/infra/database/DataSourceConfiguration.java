package io.runledger.infra.database;

import java.io.IOException;
import java.nio.file.Files;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * The one DataSource: the external PostgreSQL when {@code runledger.db.url} is set, otherwise an
 * embedded PostgreSQL whose cluster persists in the data directory across restarts.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);
    private static final String EMBEDDED_SUPERUSER = "postgres";
    private static final String EMBEDDED_DATABASE = "postgres";

    /** Refuses a data directory another live process uses, and stops a PostgreSQL a dead one left running. */
    @Bean(destroyMethod = "close")
    @Conditional(UsesEmbeddedPostgres.class)
    DataDirectoryLock dataDirectoryLock(DatabaseProperties properties) {
        return DataDirectoryLock.take(properties.dataDir(), properties.embeddedClusterDir());
    }

    /** Started under the lock, which is released only after the server has stopped. */
    @Bean(destroyMethod = "close")
    @Conditional(UsesEmbeddedPostgres.class)
    @DependsOn("dataDirectoryLock")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        Files.createDirectories(properties.embeddedClusterDir());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(properties.embeddedClusterDir())
                .setCleanDataDirectory(false)
                .setPort(properties.embeddedPort())
                // The embedded server is the system of record, not a throwaway test database: undo the
                // library's test-speed default of running without fsync (its -F flag).
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // stopped by this bean's destroy method, after the application (its processors included) has
                // stopped using it; the library's own JVM hook would stop it at once, in parallel
                .setRegisterShutdownHook(false)
                .start();
        log.info(
                "Embedded PostgreSQL on port {} with data in {} (psql -h localhost -p {} -U {})",
                postgres.getPort(),
                properties.embeddedClusterDir(),
                postgres.getPort(),
                EMBEDDED_SUPERUSER);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgres> embedded) {
        DataSourceBuilder<HikariDataSource> builder = DataSourceBuilder.create().type(HikariDataSource.class);
        if (properties.external()) {
            return builder.url(properties.url())
                    .username(properties.user())
                    .password(properties.password())
                    .build();
        }
        EmbeddedPostgres postgres = embedded.getObject();
        return builder.url(postgres.getJdbcUrl(EMBEDDED_SUPERUSER, EMBEDDED_DATABASE))
                .build();
    }
}
