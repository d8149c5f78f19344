package io.runledger.infra.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import io.runledger.projections.audit.AuditChain;
import io.runledger.projections.audit.AuditSigningKey;

/**
 * The Ed25519 key pair that signs digests, as PEM files: the private key in PKCS#8 ({@code PRIVATE KEY}), which
 * {@code openssl genpkey -algorithm ed25519} writes, the public key in X.509 ({@code PUBLIC KEY}) beside it.
 */
final class AuditKeys implements AuditSigningKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key in {@code file}; made there (readable by its owner only) if it does not exist yet. */
    static AuditKeys loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                KeyPair pair = KeyPairGenerator.getInstance(AuditChain.SIGNATURE_ALGORITHM)
                        .generateKeyPair();
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    // never over another instance's key made meanwhile
                    Files.writeString(
                            file,
                            AuditChain.pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                            StandardCharsets.US_ASCII,
                            StandardOpenOption.CREATE_NEW);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // the other instance's key it is
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions keeps its own
                }
            }
            KeyFactory keys = KeyFactory.getInstance(AuditChain.SIGNATURE_ALGORITHM);
            PrivateKey privateKey =
                    keys.generatePrivate(new PKCS8EncodedKeySpec(AuditChain.derOf(Files.readString(file))));
            return new AuditKeys(privateKey, publicOf(privateKey, keys));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read or write the audit signing key " + file, unreadable);
        } catch (GeneralSecurityException notAKey) {
            throw new IllegalStateException(file + " holds no Ed25519 private key (PKCS#8 PEM)", notAKey);
        }
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] statement) {
        try {
            Signature signer = Signature.getInstance(AuditChain.SIGNATURE_ALGORITHM);
            signer.initSign(privateKey);
            signer.update(statement);
            return signer.sign();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The JDK has no call deriving an Ed25519 public key from the private one, but its generator makes a pair from
     * 32 random bytes, which are the private key: handed the private key's bytes as its randomness, it makes the
     * same pair again (checked).
     */
    private static PublicKey publicOf(PrivateKey privateKey, KeyFactory keys) throws GeneralSecurityException {
        byte[] pkcs8 = privateKey.getEncoded();
        // PKCS#8 of Ed25519 (RFC 8410): 16 bytes of header, then the 32 bytes of the private key
        byte[] seed = Arrays.copyOfRange(pkcs8, 16, 48);
        KeyPairGenerator generator = KeyPairGenerator.getInstance(AuditChain.SIGNATURE_ALGORITHM);
        generator.initialize(255, new FixedSeed(seed));
        KeyPair derived = generator.generateKeyPair();
        if (!Arrays.equals(derived.getPrivate().getEncoded(), pkcs8)) {
            throw new GeneralSecurityException("Cannot derive the public key of this Ed25519 private key");
        }
        return keys.generatePublic(new X509EncodedKeySpec(derived.getPublic().getEncoded()));
    }

    /** Hands a key pair generator the private key's bytes as its randomness, so it makes that key's pair again. */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        private FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
