package io.runledger.command.text;

import java.util.Locale;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** Text PostgreSQL cannot store, refused where it arrives, before anything is stored ({@link StorableText}). */
public class UnstorableText extends ClientProblem {

    /** Where in the request the text came: named like OpenAPI's {@code in}, plus the caller's token. */
    public enum Part {
        BODY("Field %s of the body"),
        HEADER("Header %s"),
        QUERY("Query parameter %s"),
        TOKEN("Claim %s of the token");

        private final String phrase;

        Part(String phrase) {
            this.phrase = phrase;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    UnstorableText(Part part, String field, String flaw) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "invalid-text",
                "Text that cannot be stored",
                "%s contains %s; text may contain neither NUL characters nor unpaired surrogates"
                        .formatted(part.phrase.formatted(field), flaw));
        property("in", part.code());
        property("field", field);
    }
}
