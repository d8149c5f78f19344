package io.runledger.command.worker;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** A job's task and a project's details as {@code work_queue} and {@code work_projects} store them: JSON objects. */
@Component
record TaskJson(ObjectMapper json) {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

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
