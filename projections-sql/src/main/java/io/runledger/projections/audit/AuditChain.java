package io.runledger.projections.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The arithmetic of the audit trail's tamper evidence, in plain Java so the service and the offline verifier
 * (which needs nothing but an export, the digests and the public key) compute exactly the same.
 *
 * <p>A tenant's events form a chain: {@code link(n) = SHA-256(link(n-1) || encode(event n))}, {@code link(0)} being
 * 32 zero bytes. {@code encode} is each of event id, payload type, position, timestamp (as stored), payload bytes
 * and metadata bytes (as stored) as a 4-byte big-endian length and its bytes (the position as 8 bytes), so no two
 * different events encode alike. A digest signs, with Ed25519, the tenant, a chain sequence, its position and link,
 * and the time of signing ({@link #digestStatement}).
 */
public final class AuditChain {

    public static final int LINK_LENGTH = 32;
    public static final String SIGNATURE_ALGORITHM = "Ed25519";
    private static final byte[] GENESIS = new byte[LINK_LENGTH];
    private static final String DIGEST_VERSION = "runledger-audit-digest/v1";

    private AuditChain() {}

    /** An event as the store holds it: what the chain covers. */
    public record StoredEvent(
            long position, String eventId, String type, String timestamp, byte[] payload, byte[] metadata) {}

    /** A signed checkpoint of one tenant's chain: after {@code chainSequence} events, the chain's link was {@code link}. */
    public record Digest(
            UUID orgId,
            long digestSequence,
            long chainSequence,
            long position,
            byte[] link,
            String signedAt,
            String keyId,
            byte[] signature) {

        public byte[] statement() {
            return digestStatement(orgId, chainSequence, position, link, signedAt);
        }

        public boolean signedBy(PublicKey key) {
            try {
                Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
                verifier.initVerify(key);
                verifier.update(statement());
                return verifier.verify(signature);
            } catch (GeneralSecurityException unverifiable) {
                return false;
            }
        }
    }

    /** Why a chain does not verify. */
    public enum Reason {
        /** The event at this position is not the one that was chained (its id, type, time, payload or metadata differ). */
        CHANGED("changed"),
        /** An event of the chain is gone. */
        MISSING("missing"),
        /** An event is there that the chain never took in. */
        INSERTED("inserted"),
        /** A digest's signature is not the key's, or the chain does not reach the link it signed. */
        SIGNATURE("signature");

        public final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    /** The first place a chain fails; {@code position} and {@code eventId} may be null where nothing names one. */
    public record Mismatch(Long position, String eventId, Reason reason, String detail) {}

    public static byte[] genesis() {
        return GENESIS.clone();
    }

    public static byte[] link(byte[] previous, StoredEvent event) {
        if (previous.length != LINK_LENGTH) {
            throw new IllegalArgumentException("A link is " + LINK_LENGTH + " bytes, not " + previous.length);
        }
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(encode(event));
        return sha256.digest();
    }

    static byte[] encode(StoredEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                64 + event.payload().length + (event.metadata() == null ? 0 : event.metadata().length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, event.eventId().getBytes(StandardCharsets.UTF_8));
            field(out, event.type().getBytes(StandardCharsets.UTF_8));
            out.writeLong(event.position());
            field(out, event.timestamp().getBytes(StandardCharsets.UTF_8));
            field(out, event.payload());
            field(out, event.metadata() == null ? new byte[0] : event.metadata());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    /** What a digest signs: one line of text, so an auditor can also check it with openssl. */
    public static byte[] digestStatement(UUID orgId, long chainSequence, long position, byte[] link, String signedAt) {
        return String.join(
                        "|",
                        DIGEST_VERSION,
                        orgId.toString(),
                        Long.toString(chainSequence),
                        Long.toString(position),
                        HexFormat.of().formatHex(link),
                        signedAt)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Walks one tenant's chain in order, event by event, against the links recorded for it and the digests
     * signed over it, and remembers the first place it fails.
     */
    public static final class Walk {

        private final List<Digest> digests;
        private final PublicKey key;
        private byte[] link;
        private long sequence;
        private long checked;
        private int nextDigest;
        private Mismatch mismatch;

        /**
         * @param digests   the tenant's digests in the walked range, by chain sequence
         * @param start     the chain sequence before the first event walked (0 from the start)
         * @param startLink the link at {@code start} (zeros from the start)
         */
        public Walk(List<Digest> digests, PublicKey key, long start, byte[] startLink) {
            this.digests = List.copyOf(digests);
            this.key = key;
            this.sequence = start;
            this.link = startLink.clone();
            for (Digest digest : this.digests) {
                if (!digest.signedBy(key)) {
                    fail(new Mismatch(
                            digest.position(),
                            null,
                            Reason.SIGNATURE,
                            "digest " + digest.digestSequence() + " is not signed by key " + keyId(key)));
                    return;
                }
            }
            while (nextDigest < this.digests.size()
                    && this.digests.get(nextDigest).chainSequence() <= start) {
                nextDigest++;
            }
        }

        /**
         * The next event of the chain.
         *
         * @param chainSequence its sequence in the tenant's chain, as recorded
         * @param event         the event as stored now
         * @param recordedLink  the link the chain recorded for it
         * @return false once the walk has failed
         */
        public boolean chained(long chainSequence, StoredEvent event, byte[] recordedLink) {
            if (mismatch != null) {
                return false;
            }
            if (chainSequence <= sequence) {
                return fail(new Mismatch(
                        event.position(),
                        event.eventId(),
                        Reason.INSERTED,
                        "chain sequence " + chainSequence + " comes again after " + sequence));
            }
            if (chainSequence > sequence + 1) {
                return fail(new Mismatch(
                        event.position(),
                        event.eventId(),
                        Reason.MISSING,
                        "chain sequences " + (sequence + 1) + " to " + (chainSequence - 1)
                                + " are missing before this event"));
            }
            byte[] computed = link(link, event);
            if (!Arrays.equals(computed, recordedLink)) {
                return fail(new Mismatch(
                        event.position(),
                        event.eventId(),
                        Reason.CHANGED,
                        "the stored event does not hash to the link chained for it"));
            }
            link = computed;
            sequence = chainSequence;
            checked++;
            return checkDigests();
        }

        /** A chained event whose stored form is gone. */
        public boolean missing(long position, String eventId) {
            return mismatch == null
                    && fail(new Mismatch(
                            position, eventId, Reason.MISSING, "the chain holds this event, the store does not"));
        }

        /** A stored event the chain never took in. */
        public boolean inserted(long position, String eventId) {
            return mismatch == null
                    && fail(new Mismatch(
                            position, eventId, Reason.INSERTED, "the store holds this event, the chain does not"));
        }

        /** The walk is over: every digest in the range must have been reached. */
        public Optional<Mismatch> finish() {
            if (mismatch == null && nextDigest < digests.size()) {
                Digest unreached = digests.get(nextDigest);
                fail(new Mismatch(
                        unreached.position(),
                        null,
                        Reason.MISSING,
                        "digest " + unreached.digestSequence() + " signed chain sequence " + unreached.chainSequence()
                                + "; the events end at " + sequence));
            }
            return Optional.ofNullable(mismatch);
        }

        public long checked() {
            return checked;
        }

        private boolean checkDigests() {
            while (nextDigest < digests.size() && digests.get(nextDigest).chainSequence() == sequence) {
                Digest digest = digests.get(nextDigest++);
                if (!Arrays.equals(digest.link(), link)) {
                    return fail(new Mismatch(
                            digest.position(),
                            null,
                            Reason.SIGNATURE,
                            "digest "
                                    + digest.digestSequence() + " signed another link at chain sequence " + sequence
                                    + ": an event before it was changed, and its links rewritten"));
                }
            }
            return true;
        }

        private boolean fail(Mismatch found) {
            if (mismatch == null) {
                mismatch = found;
            }
            return false;
        }
    }

    /** A key in PEM: {@code label} is {@code PUBLIC KEY} (X.509) or {@code PRIVATE KEY} (PKCS#8). */
    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes of a PEM text. */
    public static byte[] derOf(String pem) {
        return Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    /** An Ed25519 public key from its X.509 PEM, as {@code GET /v1/audit/public-key} serves it. */
    public static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(SIGNATURE_ALGORITHM).generatePublic(new X509EncodedKeySpec(derOf(pem)));
    }

    /** A short, stable name of a public key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(sha256().digest(key.getEncoded())).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
