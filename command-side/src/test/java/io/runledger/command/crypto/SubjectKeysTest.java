package io.runledger.command.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import io.runledger.domain.shared.DataSubject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SubjectKeysTest {

    private final MasterKey master = MasterKey.fromBase64(MasterKey.generateBase64());
    private final KeysInMemory table = new KeysInMemory();
    private final SealedValues values = new SealedValues(new SubjectKeys(table, master, 1000, Duration.ofMinutes(1)));
    private final DataSubject ada = DataSubject.person(UUID.randomUUID());
    private final DataSubject grace = DataSubject.person(UUID.randomUUID());

    @Test
    void a_value_sealed_for_a_subject_opens_again_and_shows_nothing_of_itself() {
        String sealed = values.seal(ada, "\"ada@example.com\"").orElseThrow();

        assertThat(sealed).startsWith("enc:v1:" + ada.id() + ":").doesNotContain("ada");
        assertThat(SealedValues.isSealed(sealed)).isTrue();
        assertThat(values.open(sealed)).contains("\"ada@example.com\"");
    }

    @Test
    void the_stored_key_is_wrapped_and_opens_only_with_its_master_key() {
        values.seal(ada, "\"x\"");
        byte[] wrapped = table.wrappedKeyOf(ada.id());
        assertThat(wrapped).hasSize(12 + 32 + 16); // nonce, data key, tag: never the bare key

        SubjectKeys withAnotherMasterKey =
                new SubjectKeys(table, MasterKey.fromBase64(MasterKey.generateBase64()), 10, Duration.ofMinutes(1));
        assertThatThrownBy(() -> withAnotherMasterKey.forReading(ada.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master key");
    }

    @Test
    void destroying_a_key_makes_its_values_unreadable_and_stores_no_new_ones() {
        String sealed = values.seal(ada, "\"Ada Lovelace\"").orElseThrow();
        String gracesValue = values.seal(grace, "\"Grace\"").orElseThrow();

        new SubjectKeys(table, master, 10, Duration.ofMinutes(1)).destroy(ada);
        SealedValues afterErasure = new SealedValues(new SubjectKeys(table, master, 10, Duration.ofMinutes(1)));

        assertThat(afterErasure.open(sealed)).isEmpty();
        assertThat(afterErasure.seal(ada, "\"Ada again\"")).isEmpty();
        assertThat(afterErasure.open(gracesValue)).contains("\"Grace\"");
    }

    @Test
    void an_erasure_in_this_instance_applies_at_once_despite_the_cache() {
        SubjectKeys keys = new SubjectKeys(table, master, 10, Duration.ofMinutes(1));
        SealedValues cached = new SealedValues(keys);
        String sealed = cached.seal(ada, "\"a\"").orElseThrow();
        assertThat(cached.open(sealed)).isPresent();

        keys.destroy(ada);

        assertThat(cached.open(sealed)).isEmpty();
        assertThat(keys.isErased(ada.id())).isTrue();
        assertThat(keys.isErased(grace.id())).isFalse();
    }

    @Test
    void keys_are_read_from_the_table_once_not_per_value() {
        String sealed = values.seal(ada, "\"a\"").orElseThrow();
        int readsAfterFirstUse = table.reads();

        for (int i = 0; i < 1000; i++) {
            values.open(values.seal(ada, "\"value " + i + "\"").orElseThrow());
            values.open(sealed);
        }

        assertThat(table.reads()).isEqualTo(readsAfterFirstUse);
    }

    @Test
    void an_altered_value_is_refused_not_misread() {
        String sealed = values.seal(ada, "\"ada@example.com\"").orElseThrow();
        String moved = sealed.replace(ada.id().toString(), grace.id().toString());
        values.seal(grace, "\"g\"");

        assertThatThrownBy(() -> values.open(moved))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered");
    }
}
