package io.runledger.command.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * Where the master key comes from: {@code RUNLEDGER_MASTER_KEY} (base64 of 32 bytes), else the file
 * {@code RUNLEDGER_MASTER_KEY_FILE} names, else {@code master.key} in the data directory, generated there on the
 * first start. The generated one suits the embedded default; several instances need the same configured key.
 */
final class MasterKeySource {

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);
    static final String GENERATED_FILE = "master.key";

    private MasterKeySource() {}

    static MasterKey resolve(String configured, String configuredFile, Path dataDir) {
        if (StringUtils.hasText(configured)) {
            return MasterKey.fromBase64(configured);
        }
        if (StringUtils.hasText(configuredFile)) {
            return MasterKey.fromBase64(read(Path.of(configuredFile)));
        }
        Path generated = dataDir.resolve(GENERATED_FILE);
        if (!Files.exists(generated)) {
            create(generated);
        }
        log.warn(
                "No master key configured: personal data keys are wrapped by the generated key in {} "
                        + "(set RUNLEDGER_MASTER_KEY for several instances, and keep a copy: without it no personal data "
                        + "can be read)",
                generated);
        return MasterKey.fromBase64(read(generated));
    }

    /** Written aside and linked into place, so two starts at once agree on one key and none reads a half-written file. */
    private static void create(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path written = Files.createTempFile(target.getParent(), GENERATED_FILE, ".tmp");
            try {
                restrict(written);
                Files.writeString(written, MasterKey.generateBase64(), StandardCharsets.US_ASCII);
                Files.createLink(target, written);
            } catch (FileAlreadyExistsException anotherStartWon) {
                // the key the other start wrote is the key
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException unwritable) {
            throw new UncheckedIOException("Cannot create the master key " + target, unwritable);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data directory's own permissions protect it
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the master key " + file, unreadable);
        }
    }
}
