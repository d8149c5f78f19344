package io.runledger.command.text;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * The JSON converter of every HTTP request and answer (it takes the place of Spring Boot's), with the
 * application's {@link ObjectMapper}; only reading a request differs: its parser is a {@link StorableJsonParser},
 * so no controller can receive text or a number the database would refuse. The mapper itself, and Axon's
 * event serializer, are untouched: events already stored read as they always did.
 */
@Component
class StorableJsonBodies extends MappingJackson2HttpMessageConverter {

    private final StorableJsonFactory parsers;

    StorableJsonBodies(ObjectMapper json) {
        super(json);
        this.parsers = new StorableJsonFactory(json.getFactory());
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
        return reader.with(parsers);
    }
}
