package io.runledger.command.problem;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.ProblemDetail;

/**
 * Names the field of a request body that Jackson could not read, so a client learns which one to fix: a field
 * the request does not have ({@code unknown-field}) or a value of another JSON type than the field's
 * ({@code malformed-request}; nothing is coerced, see {@code StorableJsonBodies}).
 */
final class UnreadableFields {

    private UnreadableFields() {}

    /** Fills in {@code problem} (400, untyped) for a body that named a field; false when it named none. */
    static boolean describe(ProblemDetail problem, JsonMappingException unreadable) {
        String field = pathOf(unreadable);
        if (field.isEmpty()) {
            return false;
        }
        problem.setProperty("field", field);
        if (unreadable instanceof UnrecognizedPropertyException unknown) {
            problem.setType(URI.create(ProblemTypes.BASE + "unknown-field"));
            problem.setTitle("Unknown field");
            problem.setDetail("Field %s is not part of this request; its fields are %s"
                    .formatted(field, names(unknown.getKnownPropertyIds())));
        } else {
            problem.setType(URI.create(ProblemTypes.BASE + "malformed-request"));
            Class<?> target = unreadable instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            problem.setDetail(
                    "Field %s must be %s".formatted(field, target == null ? "of its documented type" : kind(target)));
        }
        return true;
    }

    /** {@code settings.theme}, {@code keywords[2]}: as the field is written in the body. */
    private static String pathOf(JsonMappingException unreadable) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : unreadable.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String kind(Class<?> target) {
        if (target == String.class) {
            return "a JSON string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target.isEnum()) {
            return "one of the documented names, as a JSON string";
        }
        if (target == Double.class
                || target == double.class
                || target == Float.class
                || target == float.class
                || target == BigDecimal.class) {
            return "a JSON number";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a whole JSON number";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a JSON array";
        }
        return "a JSON object or string of its documented shape";
    }

    private static String names(Collection<Object> known) {
        return known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
