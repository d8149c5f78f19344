package io.runledger.infra.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.runledger.command.caller.Caller;
import io.runledger.command.crypto.SealedValues;
import io.runledger.domain.shared.DataSubject;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event serializer: Jackson's JSON, with every value of personal data sealed once, when the event is first
 * serialized ({@code "enc:v1:<subject>:<base64>"}), and opened again when it is read, so projections and handlers
 * see plain values and the stored bytes are never rewritten (an audit chain over them stays valid). A subject whose
 * key is destroyed reads as its placeholder. Values written before encryption existed, or with it switched off,
 * are plain text and pass through as they are.
 * <p>
 * Metadata values named in {@code personalMetadata} (the audit trail's {@code actorEmail}, {@code clientAddress},
 * {@code userAgent}) are sealed under the acting person's key ({@code actor} holds a user id); those of API keys,
 * workers and the system are not a person's and stay plain.
 */
public final class PersonalDataSerializer implements Serializer {

    private static final byte[] SEALED_MARK = SealedValues.PREFIX.getBytes(StandardCharsets.UTF_8);

    private final JacksonSerializer delegate;
    private final ObjectMapper json;
    private final SealedValues sealed;
    private final boolean sealing;
    private final Set<String> personalMetadata;
    private final ClassValue<SealingPlan> plans = new ClassValue<>() {
        @Override
        protected SealingPlan computeValue(Class<?> type) {
            return SealingPlan.of(type);
        }
    };

    /** @param sealing false writes personal data in plain text (what is already sealed is still opened) */
    public PersonalDataSerializer(
            JacksonSerializer delegate, SealedValues sealed, boolean sealing, Set<String> personalMetadata) {
        this.delegate = delegate;
        this.json = delegate.getObjectMapper();
        this.sealed = sealed;
        this.sealing = sealing;
        this.personalMetadata = Set.copyOf(personalMetadata);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!sealing || object == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        if (object instanceof MetaData metaData) {
            UUID person = personActing(metaData.get(Caller.ACTOR));
            if (person == null || personalMetadata.stream().noneMatch(metaData::containsKey)) {
                return delegate.serialize(object, expectedRepresentation);
            }
            ObjectNode tree = json.valueToTree(metaData);
            DataSubject subject = DataSubject.person(person);
            for (String key : personalMetadata) {
                JsonNode value = tree.get(key);
                if (value != null && !value.isNull()) {
                    tree.set(key, seal(subject, value, () -> TextNode.valueOf(subject.placeholder())));
                }
            }
            return asSerialized(tree, object.getClass(), expectedRepresentation);
        }
        SealingPlan plan = plans.get(object.getClass());
        if (plan.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = json.valueToTree(object);
        plan.forEachValue(tree, tree, this::seal);
        return asSerialized(tree, object.getClass(), expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SerializedType.emptyType().equals(serializedObject.getType()) || !holdsSealedValues(serializedObject)) {
            return delegate.deserialize(serializedObject);
        }
        Class<?> type = classForType(serializedObject.getType());
        JsonNode tree = getConverter().convert(serializedObject, JsonNode.class).getData();
        if (tree instanceof ObjectNode object) {
            if (MetaData.class.equals(type)) {
                openMetadata(object);
            } else {
                plans.get(type).forEachValue(object, object, this::open);
            }
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    private void openMetadata(ObjectNode metaData) {
        for (String key : personalMetadata) {
            JsonNode value = metaData.get(key);
            if (value != null && value.isTextual() && SealedValues.isSealed(value.asText())) {
                DataSubject subject = DataSubject.person(SealedValues.subjectOf(value.asText()));
                metaData.set(key, open(subject, value, () -> TextNode.valueOf(subject.placeholder())));
            }
        }
    }

    private JsonNode seal(DataSubject subject, JsonNode value, Supplier<JsonNode> placeholder) {
        Optional<String> sealedValue = sealed.seal(subject, value.toString());
        return sealedValue.<JsonNode>map(TextNode::valueOf).orElseGet(placeholder);
    }

    /** A plain value (written before sealing, or with it off) is already what it says. */
    private JsonNode open(DataSubject subject, JsonNode value, Supplier<JsonNode> placeholder) {
        if (!value.isTextual() || !SealedValues.isSealed(value.asText())) {
            return value;
        }
        return sealed.open(value.asText()).map(this::parse).orElseGet(placeholder);
    }

    private JsonNode parse(String plainJson) {
        try {
            return json.readTree(plainJson);
        } catch (JsonProcessingException unreadable) {
            throw new UncheckedIOException("A sealed value opened to something other than JSON", unreadable);
        }
    }

    private <T> SerializedObject<T> asSerialized(ObjectNode tree, Class<?> type, Class<T> expectedRepresentation) {
        try {
            SerializedObject<byte[]> bytes =
                    new SimpleSerializedObject<>(json.writeValueAsBytes(tree), byte[].class, typeForClass(type));
            return getConverter().convert(bytes, expectedRepresentation);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Most stored events hold no sealed value: those are read by Jackson directly, without a detour through a tree. */
    private boolean holdsSealedValues(SerializedObject<?> serializedObject) {
        Object data = serializedObject.getData();
        if (data instanceof byte[] bytes) {
            return contains(bytes, SEALED_MARK);
        }
        return !(data instanceof String text) || text.contains(SealedValues.PREFIX);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A person acts under their user id; API keys, workers and the system under a prefixed name. */
    private static UUID personActing(Object actor) {
        if (!(actor instanceof String id) || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAPerson) {
            return null;
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
