package io.runledger.command.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.runledger.domain.shared.PersonalData;

/** {@link KeyTable}'s contract on a map, counting reads, for tests of what is built on it without a database. */
public final class KeysInMemory implements KeyTable {

    private final Map<UUID, StoredKey> rows = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<StoredKey> find(UUID subject) {
        reads.incrementAndGet();
        return Optional.ofNullable(rows.get(subject));
    }

    @Override
    public void insertIfAbsent(UUID subject, PersonalData.Subject kind, byte[] wrapped) {
        rows.putIfAbsent(subject, new StoredKey(wrapped));
    }

    @Override
    public void destroy(UUID subject, PersonalData.Subject kind) {
        rows.put(subject, new StoredKey(null));
    }

    public int reads() {
        return reads.get();
    }

    public byte[] wrappedKeyOf(UUID subject) {
        return rows.get(subject).wrapped();
    }
}
