package io.runledger.command.text;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/**
 * A JSON number beyond what every place it may go can hold: a double (free-form maps) holds up to about
 * 1.8e308, and PostgreSQL's {@code numeric} (and {@code jsonb}) refuses far larger exponents such as 1e200000.
 */
class NumberOutOfRange extends ClientProblem {

    NumberOutOfRange(String field, String number) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "number-out-of-range",
                "Number out of range",
                "Field %s of the body is %s; numbers may be at most %s in size and have at most %d digits after the point"
                        .formatted(field, number, Double.MAX_VALUE, StorableJsonParser.MAX_FRACTION_DIGITS));
        property("in", UnstorableText.Part.BODY.code());
        property("field", field);
    }
}
