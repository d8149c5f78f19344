package io.runledger.command.crypto;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.runledger.domain.shared.DataSubject;

/**
 * The data key of each data subject, made on first use, wrapped by the master key in {@link KeyTable}, and
 * unwrapped keys cached so that appending and replaying do not read the table per value. An erased subject has no
 * key any more: writing its data stores the placeholder instead, and reading shows the placeholder.
 * <p>
 * The cache holds a key for at most {@code cacheTtl} after another instance destroyed it (this instance's own
 * erasures evict at once); docs/erasure.md says what that means for several instances.
 */
public final class SubjectKeys {

    private static final int DATA_KEY_BYTES = 32;

    private final KeyTable table;
    private final MasterKey master;
    /** An empty value: the subject was erased. */
    private final Cache<UUID, Optional<SecretKey>> unwrapped;

    private final Cache<UUID, Boolean> erased;

    public SubjectKeys(KeyTable table, MasterKey master, long cacheSize, Duration cacheTtl) {
        this.table = table;
        this.master = master;
        this.unwrapped = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfterWrite(cacheTtl)
                .build();
        this.erased = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfterWrite(cacheTtl)
                .build();
    }

    /** The key to encrypt the subject's new data under, created on first use; empty once the subject is erased. */
    public Optional<SecretKey> forWriting(DataSubject subject) {
        return unwrapped.get(subject.id(), id -> {
            Optional<KeyTable.StoredKey> stored = table.find(id);
            return stored.isPresent() ? open(id, stored.get()) : create(subject);
        });
    }

    /** The key existing ciphertext of the subject opens with; empty once the subject is erased (or never had one). */
    public Optional<SecretKey> forReading(UUID subject) {
        Optional<SecretKey> cached = unwrapped.getIfPresent(subject);
        if (cached != null) {
            return cached;
        }
        Optional<KeyTable.StoredKey> stored = table.find(subject);
        Optional<SecretKey> key = stored.flatMap(row -> open(subject, row));
        if (stored.isPresent()) {
            unwrapped.put(subject, key); // a subject without a row may get one later: not remembered
        }
        return key;
    }

    /** Whether the subject was erased: asked of every signed-in request, so answered from memory most of the time. */
    public boolean isErased(UUID subject) {
        return erased.get(
                subject, id -> table.find(id).map(KeyTable.StoredKey::erased).orElse(false));
    }

    /** Destroys the subject's key: everything ever encrypted under it is unreadable from now on, everywhere. */
    public void destroy(DataSubject subject) {
        table.destroy(subject.id(), subject.kind());
        unwrapped.put(subject.id(), Optional.empty());
        erased.put(subject.id(), true);
    }

    private Optional<SecretKey> open(UUID subject, KeyTable.StoredKey row) {
        return row.erased() ? Optional.empty() : Optional.of(master.unwrap(subject, row.wrapped()));
    }

    private Optional<SecretKey> create(DataSubject subject) {
        SecretKey key = new SecretKeySpec(AesGcm.randomBytes(DATA_KEY_BYTES), "AES");
        table.insertIfAbsent(subject.id(), subject.kind(), master.wrap(subject.id(), key));
        // another instance may have stored its key first: whichever row won is the key
        return table.find(subject.id()).flatMap(row -> open(subject.id(), row));
    }
}
