package io.runledger.command.text;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** A stored header ({@link StorableRequestText#STORED_HEADERS}) longer than any id needs to be; a UUID has 36 characters. */
class HeaderTooLong extends ClientProblem {

    /** Stripe's limit for idempotency keys; a run's key is also indexed in the runs read model, so keys stay far from an index entry's size. */
    static final int MAX_LENGTH = 255;

    HeaderTooLong(String header, int length) {
        super(
                HttpStatus.BAD_REQUEST,
                "invalid-parameter",
                "Invalid parameter",
                "Header %s may have at most %d characters; this one has %d".formatted(header, MAX_LENGTH, length));
        property("in", UnstorableText.Part.HEADER.code());
        property("field", header);
    }
}
