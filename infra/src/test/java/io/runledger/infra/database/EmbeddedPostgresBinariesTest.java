package io.runledger.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application's runtime classpath, which the jar's BOOT-INF/lib is made of, holds the embedded PostgreSQL of
 * every machine people run the jar on: without it, zonky stops with "Missing embedded postgres binaries".
 */
class EmbeddedPostgresBinariesTest {

    @ParameterizedTest
    @ValueSource(strings = {"linux-x86_64", "linux-arm_64", "darwin-x86_64", "darwin-arm_64", "windows-x86_64"})
    void the_binaries_of_each_platform_are_on_the_classpath(String platform) {
        // the name zonky's DefaultPostgresBinaryResolver looks up for the platform
        assertThat(getClass().getClassLoader().getResource("postgres-" + platform + ".txz")).as(platform).isNotNull();
    }
}
