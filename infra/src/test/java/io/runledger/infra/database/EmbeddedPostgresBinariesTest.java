package io.runledger.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The runtime classpath, which the jar packs, carries the embedded PostgreSQL for every machine people run
 * Runledger on; without its archive the library stops with "Missing embedded postgres binaries".
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedPostgresBinariesTest {

    /** as the library names them: postgres-{os}-{architecture}[-{distribution}].txz */
    private static final List<String> ARCHIVES = List.of(
            "postgres-linux-x86_64.txz",
            "postgres-linux-x86_64-alpine_linux.txz",
            "postgres-linux-arm_64.txz",
            "postgres-darwin-x86_64.txz",
            "postgres-darwin-arm_64.txz",
            "postgres-windows-x86_64.txz");

    @Test
    void every_platforms_binaries_are_on_the_classpath() {
        assertThat(ARCHIVES)
                .allSatisfy(archive -> assertThat(getClass().getClassLoader().getResource(archive))
                        .as(archive)
                        .isNotNull());
    }
}
