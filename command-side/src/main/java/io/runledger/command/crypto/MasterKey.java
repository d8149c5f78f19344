package io.runledger.command.crypto;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's key that wraps every data key (envelope encryption): the data keys in {@code subject_keys} are
 * useless without it, and it never leaves the process.
 */
public final class MasterKey {

    static final int BYTES = 32;

    private final SecretKey key;

    private MasterKey(byte[] material) {
        if (material.length != BYTES) {
            throw new IllegalArgumentException(
                    "The master key must be " + BYTES + " bytes (base64 of 32 random bytes), was " + material.length);
        }
        this.key = new SecretKeySpec(material, "AES");
    }

    /** From its base64 text, as {@code RUNLEDGER_MASTER_KEY} or a key file hold it. */
    public static MasterKey fromBase64(String text) {
        return new MasterKey(Base64.getDecoder().decode(text.strip()));
    }

    public static String generateBase64() {
        return Base64.getEncoder().encodeToString(AesGcm.randomBytes(BYTES));
    }

    byte[] wrap(UUID subject, SecretKey dataKey) {
        return AesGcm.encrypt(key, dataKey.getEncoded(), AesGcm.aad(subject));
    }

    SecretKey unwrap(UUID subject, byte[] wrapped) {
        try {
            return new SecretKeySpec(AesGcm.decrypt(key, wrapped, AesGcm.aad(subject)), "AES");
        } catch (AEADBadTagException wrongMasterKey) {
            throw new IllegalStateException(
                    "The data key of " + subject + " does not open with the configured master key: "
                            + "every instance must use the master key that wrapped subject_keys (docs/erasure.md)",
                    wrongMasterKey);
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException("The data key of " + subject + " cannot be unwrapped", broken);
        }
    }
}
