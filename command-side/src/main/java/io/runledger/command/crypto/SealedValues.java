package io.runledger.command.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

import io.runledger.domain.shared.DataSubject;

/**
 * One value of personal data, sealed under its subject's key as {@code enc:v1:<subject id>:<base64 of nonce and
 * AES-GCM ciphertext>}: readable JSON around it stays readable, and the subject id says which key opens it. The
 * subject id is also the authenticated data, so a value cannot be moved to another subject.
 */
public final class SealedValues {

    public static final String PREFIX = "enc:v1:";
    private static final int ID_LENGTH = 36;

    private final SubjectKeys keys;

    public SealedValues(SubjectKeys keys) {
        this.keys = keys;
    }

    public static boolean isSealed(String value) {
        return value != null
                && value.startsWith(PREFIX)
                && value.length() > PREFIX.length() + ID_LENGTH
                && value.charAt(PREFIX.length() + ID_LENGTH) == ':';
    }

    /** {@code plain} sealed under the subject's key; empty when the subject is erased (nothing of theirs is stored). */
    public Optional<String> seal(DataSubject subject, String plain) {
        return keys.forWriting(subject)
                .map(key -> PREFIX
                        + subject.id()
                        + ':'
                        + Base64.getEncoder()
                                .encodeToString(AesGcm.encrypt(
                                        key, plain.getBytes(StandardCharsets.UTF_8), AesGcm.aad(subject.id()))));
    }

    /** The subject a sealed value belongs to. */
    public static UUID subjectOf(String sealed) {
        return UUID.fromString(sealed.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH));
    }

    /** The plain value; empty once its subject's key is destroyed. */
    public Optional<String> open(String sealed) {
        UUID subject = subjectOf(sealed);
        Optional<SecretKey> key = keys.forReading(subject);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] ciphertext = Base64.getDecoder().decode(sealed.substring(PREFIX.length() + ID_LENGTH + 1));
        try {
            return Optional.of(
                    new String(AesGcm.decrypt(key.get(), ciphertext, AesGcm.aad(subject)), StandardCharsets.UTF_8));
        } catch (AEADBadTagException tampered) {
            throw new IllegalStateException(
                    "A value sealed for " + subject + " fails its authentication: it was altered", tampered);
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException("A value sealed for " + subject + " cannot be opened", broken);
        }
    }
}
