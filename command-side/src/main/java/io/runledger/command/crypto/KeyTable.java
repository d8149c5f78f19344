package io.runledger.command.crypto;

import java.util.Optional;
import java.util.UUID;

import io.runledger.domain.shared.PersonalData;

/** Where the wrapped data keys are kept: one row per data subject, its key material gone once erased. */
public interface KeyTable {

    /** The subject's row: its wrapped key, or an empty key when the subject was erased; empty when it has none. */
    Optional<StoredKey> find(UUID subject);

    /** Stores {@code wrapped} unless the subject already has a row (another writer may have raced us). */
    void insertIfAbsent(UUID subject, PersonalData.Subject kind, byte[] wrapped);

    /** Forgets the key material for good, keeping the fact that the subject was erased. */
    void destroy(UUID subject, PersonalData.Subject kind);

    /** @param wrapped the data key wrapped by the master key; null once the subject is erased */
    record StoredKey(byte[] wrapped) {
        public boolean erased() {
            return wrapped == null;
        }
    }
}
