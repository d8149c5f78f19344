package io.runledger.command.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * The JSON converter of every HTTP request and answer (it takes the place of Spring Boot's), with a strict copy
 * of the application's {@link ObjectMapper}: a request reads exactly the fields its type declares (an unknown
 * one is refused; {@code Map} fields stay free-form) and each value as the JSON type it is ({@code "100"} is not
 * a number, {@code 42} not a text, {@code 1.5} not a whole number, {@code 0} not an enum). Its parser is a
 * {@link StorableJsonParser}, so no controller can receive text or a number the database would refuse. The
 * application's mapper itself, which Axon's event serializer and Stripe's lenient webhooks use, is untouched:
 * events already stored read as they always did.
 */
@Component
class StorableJsonBodies extends MappingJackson2HttpMessageConverter {

    private final StorableJsonFactory parsers;

    StorableJsonBodies(ObjectMapper json) {
        super(strict(json.copy()));
        this.parsers = new StorableJsonFactory(json.getFactory());
    }

    private static ObjectMapper strict(ObjectMapper json) {
        json.enable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        json.disable(
                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        refuse(
                json,
                LogicalType.Textual,
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(
                json,
                LogicalType.Integer,
                CoercionInputShape.String,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(
                json,
                LogicalType.Float,
                CoercionInputShape.String,
                CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(
                json,
                LogicalType.Boolean,
                CoercionInputShape.String,
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        return json;
    }

    private static void refuse(ObjectMapper json, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            json.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
        return reader.with(parsers);
    }
}
