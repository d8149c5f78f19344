package io.runledger.command.worker;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A job's task and a project's details as {@code work_queue} and {@code work_projects} store them: JSON objects. */
final class TaskJson {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final ObjectMapper json;

    TaskJson(ObjectMapper json) {
        this.json = json;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException notJson) {
            throw new IllegalStateException("Cannot store " + value + " as JSON", notJson);
        }
    }

    Map<String, Object> read(String value) {
        try {
            return json.readValue(value, JSON_OBJECT);
        } catch (JsonProcessingException notJson) {
            throw new IllegalStateException("work_queue holds JSON that is not an object: " + value, notJson);
        }
    }
}
