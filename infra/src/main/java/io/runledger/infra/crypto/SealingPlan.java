package io.runledger.infra.crypto;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.shared.PersonalData;

/**
 * Which values of a serialized record hold personal data ({@link PersonalData} on its components, also in records
 * it carries, such as a project's details), whose they are, and what stands in for each once its subject is erased:
 * the placeholder text for text, an empty list or object for lists and maps, null otherwise.
 */
final class SealingPlan {

    static final SealingPlan NONE = new SealingPlan(List.of());

    /** One marked value, or a record holding some ({@code nested}). */
    private record Entry(String name, PersonalData.Subject subject, Class<?> type, SealingPlan nested) {}

    private final List<Entry> entries;

    private SealingPlan(List<Entry> entries) {
        this.entries = entries;
    }

    static SealingPlan of(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PersonalData marked = component.getAnnotation(PersonalData.class);
            if (marked != null) {
                entries.add(new Entry(component.getName(), marked.subject(), component.getType(), null));
            } else {
                SealingPlan nested = of(component.getType());
                if (!nested.isEmpty()) {
                    entries.add(new Entry(component.getName(), null, component.getType(), nested));
                }
            }
        }
        return entries.isEmpty() ? NONE : new SealingPlan(List.copyOf(entries));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Visits each marked value of {@code node}; {@code event} is the whole event, which names the subjects. */
    void forEachValue(ObjectNode event, ObjectNode node, ValueVisitor visitor) {
        for (Entry entry : entries) {
            JsonNode value = node.get(entry.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (entry.nested() != null) {
                if (value instanceof ObjectNode inner) {
                    entry.nested().forEachValue(event, inner, visitor);
                }
                continue;
            }
            UUID subjectId = subjectId(event, entry.subject());
            if (subjectId != null) {
                DataSubject subject = new DataSubject(entry.subject(), subjectId);
                node.set(entry.name(), visitor.visit(subject, value, () -> placeholder(subject, entry.type())));
            }
        }
    }

    private static UUID subjectId(ObjectNode event, PersonalData.Subject subject) {
        JsonNode id = event.get(subject.idComponent());
        return id == null || !id.isTextual() ? null : UUID.fromString(id.asText());
    }

    static JsonNode placeholder(DataSubject subject, Class<?> type) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (Collection.class.isAssignableFrom(type)) {
            return nodes.arrayNode();
        }
        if (Map.class.isAssignableFrom(type)) {
            return nodes.objectNode();
        }
        return type == String.class ? nodes.textNode(subject.placeholder()) : nodes.nullNode();
    }

    /** What becomes of one value: sealed, opened, or replaced by its placeholder. */
    interface ValueVisitor {
        JsonNode visit(DataSubject subject, JsonNode value, java.util.function.Supplier<JsonNode> placeholder);
    }
}
