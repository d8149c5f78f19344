package io.runledger.command.crypto;

import java.util.Optional;
import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link KeyTable} on {@code subject_keys} (V55). */
class SubjectKeyTable implements KeyTable {

    private final JdbcClient jdbc;

    SubjectKeyTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredKey> find(UUID subject) {
        return jdbc.sql("select wrapped_key from subject_keys where subject_id = ?")
                .param(subject)
                .query((row, n) -> new StoredKey(row.getBytes(1)))
                .optional();
    }

    @Override
    public void insertIfAbsent(UUID subject, PersonalData.Subject kind, byte[] wrapped) {
        jdbc.sql("insert into subject_keys (subject_id, kind, wrapped_key) values (?, ?, ?) on conflict do nothing")
                .params(subject, kind.name(), wrapped)
                .update();
    }

    /** A subject erased before it ever had a key gets its row too, so none is made for it later. */
    @Override
    public void destroy(UUID subject, PersonalData.Subject kind) {
        jdbc.sql("""
                insert into subject_keys (subject_id, kind, wrapped_key, erased_at) values (?, ?, null, now())
                on conflict (subject_id) do update set wrapped_key = null,
                    erased_at = coalesce(subject_keys.erased_at, excluded.erased_at)
                """).params(subject, kind.name()).update();
    }
}
