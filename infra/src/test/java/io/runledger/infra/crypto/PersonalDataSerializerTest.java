package io.runledger.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.command.crypto.KeysInMemory;
import io.runledger.command.crypto.MasterKey;
import io.runledger.command.crypto.SealedValues;
import io.runledger.command.crypto.SubjectKeys;
import io.runledger.domain.project.ProjectCreated;
import io.runledger.domain.run.OutputProduced;
import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.shared.Platform;
import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.user.UserRegistered;
import io.runledger.infra.testing.SampleProjects;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PersonalDataSerializerTest {

    private static final Set<String> AUDIT_METADATA = Set.of("actorEmail", "clientAddress", "userAgent");

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final JacksonSerializer plain =
            JacksonSerializer.builder().objectMapper(json).build();
    private final SubjectKeys keys = new SubjectKeys(
            new KeysInMemory(), MasterKey.fromBase64(MasterKey.generateBase64()), 100, Duration.ofMinutes(1));
    private final PersonalDataSerializer serializer =
            new PersonalDataSerializer(plain, new SealedValues(keys), true, AUDIT_METADATA);
    private final UUID ada = UUID.randomUUID();
    private final UUID org = UUID.randomUUID();

    @Test
    void marked_values_are_stored_sealed_in_otherwise_readable_json_and_read_back_plain() throws Exception {
        UserRegistered registered = new UserRegistered(Platform.ORG_ID, ada, "ada@example.com", "Ada Lovelace");

        SerializedObject<byte[]> stored = serializer.serialize(registered, byte[].class);

        String text = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("ada@example.com").doesNotContain("Lovelace");
        JsonNode tree = json.readTree(text);
        assertThat(tree.get("userId").asText()).isEqualTo(ada.toString());
        assertThat(tree.get("email").asText()).startsWith("enc:v1:" + ada + ":");
        assertThat(stored.getType().getName()).isEqualTo(UserRegistered.class.getName());
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(registered);
    }

    @Test
    void values_of_a_carried_record_are_sealed_under_the_events_subject_and_numbers_stay_plain() throws Exception {
        ProjectCreated created =
                new ProjectCreated(org, UUID.randomUUID(), ada, SampleProjects.LAUNCH_VIDEO, ProjectStatus.DRAFT);

        SerializedObject<byte[]> stored = serializer.serialize(created, byte[].class);

        JsonNode details = json.readTree(stored.getData()).get("details");
        assertThat(details.get("prompt").asText()).startsWith("enc:v1:" + org + ":");
        assertThat(details.get("description").isNull()).isTrue();
        assertThat(details.get("audioDuration").decimalValue()).isEqualByComparingTo("184.5");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(created);
    }

    @Test
    void after_erasure_every_marked_value_reads_as_the_placeholder_of_its_kind() {
        OutputProduced output = new OutputProduced(
                org,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Every fact is kept.",
                null,
                "Facts",
                List.of("events", "facts"),
                Map.of("model", "m-1"));
        SerializedObject<byte[]> stored = serializer.serialize(output, byte[].class);

        keys.destroy(DataSubject.org(org));

        OutputProduced read = serializer.deserialize(stored);
        String placeholder = "erased org " + org;
        assertThat(read.content()).isEqualTo(placeholder);
        assertThat(read.summary()).isEqualTo(placeholder);
        assertThat(read.contentUrl()).isNull();
        assertThat(read.keywords()).isEmpty();
        assertThat(read.metadata()).isEmpty();
        assertThat(read.outputId()).isEqualTo(output.outputId());
    }

    @Test
    void an_erased_subjects_new_data_is_not_stored_at_all() {
        keys.destroy(DataSubject.person(ada));

        SerializedObject<byte[]> stored =
                serializer.serialize(new UserRegistered(Platform.ORG_ID, ada, "ada@example.com", "Ada"), byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .doesNotContain("ada@example.com")
                .contains("erased user " + ada);
    }

    @Test
    void events_stored_before_sealing_existed_read_as_they_were() {
        UserRegistered legacy = new UserRegistered(Platform.ORG_ID, ada, "ada@example.com", "Ada");
        SerializedObject<byte[]> storedPlain = plain.serialize(legacy, byte[].class);

        assertThat((Object) serializer.deserialize(storedPlain)).isEqualTo(legacy);
    }

    @Test
    void with_sealing_off_new_values_are_plain_and_sealed_ones_still_open() {
        UserRegistered registered = new UserRegistered(Platform.ORG_ID, ada, "ada@example.com", "Ada");
        SerializedObject<byte[]> sealed = serializer.serialize(registered, byte[].class);
        PersonalDataSerializer off = new PersonalDataSerializer(plain, new SealedValues(keys), false, AUDIT_METADATA);

        assertThat(new String(off.serialize(registered, byte[].class).getData(), StandardCharsets.UTF_8))
                .contains("ada@example.com");
        assertThat((Object) off.deserialize(sealed)).isEqualTo(registered);
    }

    @Test
    void a_persons_audit_metadata_is_sealed_under_their_key_and_a_keys_or_workers_is_not() {
        MetaData byAda = MetaData.from(Map.of(
                "actor",
                ada.toString(),
                "actorEmail",
                "ada@example.com",
                "clientAddress",
                "203.0.113.7",
                "userAgent",
                "curl/8",
                "requestId",
                "r-1"));
        MetaData byWorker = MetaData.from(Map.of("actor", "worker:llm-1", "clientAddress", "10.0.0.5"));

        SerializedObject<byte[]> storedByAda = serializer.serialize(byAda, byte[].class);
        SerializedObject<byte[]> storedByWorker = serializer.serialize(byWorker, byte[].class);

        assertThat(new String(storedByAda.getData(), StandardCharsets.UTF_8))
                .doesNotContain("ada@example.com")
                .doesNotContain("203.0.113.7")
                .doesNotContain("curl/8")
                .contains("\"requestId\":\"r-1\"");
        assertThat((Object) serializer.deserialize(storedByAda)).isEqualTo(byAda);
        assertThat(new String(storedByWorker.getData(), StandardCharsets.UTF_8)).contains("10.0.0.5");

        keys.destroy(DataSubject.person(ada));
        MetaData erased = serializer.deserialize(storedByAda);
        assertThat(erased.get("actorEmail")).isEqualTo("erased user " + ada);
        assertThat(erased.get("userAgent")).isEqualTo("erased user " + ada);
        assertThat(erased.get("requestId")).isEqualTo("r-1");
    }
}
