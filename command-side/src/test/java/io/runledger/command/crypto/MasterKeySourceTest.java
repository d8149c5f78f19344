package io.runledger.command.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;

import io.runledger.domain.shared.DataSubject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master key's sources: configured, a configured file, or generated once in the data directory and kept. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MasterKeySourceTest {

    @TempDir
    Path dataDir;

    private final KeysInMemory table = new KeysInMemory();
    private final DataSubject ada = DataSubject.person(UUID.randomUUID());

    /** What {@code master} seals opens with {@code other}: the same key. */
    private boolean sameKey(MasterKey master, MasterKey other) {
        String sealed = new SealedValues(new SubjectKeys(table, master, 10, Duration.ofMinutes(1)))
                .seal(ada, "\"ada@example.com\"")
                .orElseThrow();
        try {
            return new SealedValues(new SubjectKeys(table, other, 10, Duration.ofMinutes(1)))
                    .open(sealed)
                    .isPresent();
        } catch (IllegalStateException anotherKey) {
            return false;
        }
    }

    @Test
    void without_one_configured_a_key_is_generated_in_the_data_directory_readable_by_the_owner_only_and_kept()
            throws IOException {
        MasterKey first = MasterKeySource.resolve(null, null, dataDir);
        Path file = dataDir.resolve(MasterKeySource.GENERATED_FILE);
        String written = Files.readString(file);

        MasterKey afterRestart = MasterKeySource.resolve(null, null, dataDir);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(sameKey(first, afterRestart)).isTrue();
        assertThat(dataDir.toFile().list()).containsExactly(MasterKeySource.GENERATED_FILE);
    }

    @Test
    void a_configured_key_or_key_file_is_used_and_nothing_is_generated() throws IOException {
        String configured = MasterKey.generateBase64();
        Path keyFile = Files.writeString(dataDir.resolve("elsewhere.key"), configured + "\n");

        MasterKey fromSetting = MasterKeySource.resolve(configured, null, dataDir);
        MasterKey fromFile = MasterKeySource.resolve(null, keyFile.toString(), dataDir);

        assertThat(sameKey(fromSetting, fromFile)).isTrue();
        assertThat(sameKey(fromSetting, MasterKey.fromBase64(MasterKey.generateBase64())))
                .isFalse();
        assertThat(dataDir.resolve(MasterKeySource.GENERATED_FILE)).doesNotExist();
    }
}
