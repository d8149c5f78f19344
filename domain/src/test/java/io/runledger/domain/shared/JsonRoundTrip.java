package io.runledger.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Events and commands are stored and sent as JSON by Axon's JacksonSerializer; this proves a record
 * survives that trip unchanged, with the same mapper settings the application uses.
 */
public final class JsonRoundTrip {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonRoundTrip() {}

    /** A message as the application reads it from stored JSON, such as an event stored by an earlier version. */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError("Cannot read " + type.getSimpleName() + " from " + json, e);
        }
    }

    public static void assertSurvivesJson(Object message) {
        try {
            String json = MAPPER.writeValueAsString(message);
            Object back = MAPPER.readValue(json, message.getClass());
            assertThat(back).as(json).isEqualTo(message);
        } catch (Exception e) {
            throw new AssertionError("Cannot round-trip " + message.getClass().getSimpleName() + " through JSON", e);
        }
    }
}
