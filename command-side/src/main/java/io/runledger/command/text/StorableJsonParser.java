package io.runledger.command.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.runledger.command.problem.ClientProblem;

/**
 * A request body's parser that checks every token as it passes: each key and string against {@link StorableText},
 * each number against {@link NumberOutOfRange}'s bounds. Every way Jackson reads a value goes through
 * {@link #nextToken()} (the parser's other {@code next…} methods are built on it, and skipping is walked
 * token by token here), so nested maps and lists, keys and ignored fields are checked alike.
 */
final class StorableJsonParser extends JsonParserDelegate {

    static final int MAX_FRACTION_DIGITS = 1000;
    private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);

    StorableJsonParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            requireStorable(delegate.currentName());
        } else if (token == JsonToken.VALUE_STRING) {
            requireStorable(delegate.getText());
        } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            requireInRange(delegate.getText());
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        if (currentToken() != null && currentToken().isStructStart()) {
            for (int open = 1; open > 0; ) {
                JsonToken token = nextToken();
                if (token == null) {
                    break;
                }
                open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            }
        }
        return this;
    }

    private void requireStorable(String text) throws JsonParseException {
        String flaw = StorableText.flaw(text);
        if (flaw != null) {
            refuse(new UnstorableText(UnstorableText.Part.BODY, field(), flaw));
        }
    }

    private void requireInRange(String number) throws JsonParseException {
        BigDecimal value = new BigDecimal(number);
        if (value.abs().compareTo(LARGEST) > 0 || value.scale() > MAX_FRACTION_DIGITS) {
            refuse(new NumberOutOfRange(field(), number.length() > 40 ? number.substring(0, 37) + "..." : number));
        }
    }

    /** Thrown as Jackson's own parse error, which Spring answers as unreadable; the problem is its cause. */
    private void refuse(ClientProblem problem) throws JsonParseException {
        throw new JsonParseException(this, problem.getMessage(), problem);
    }

    /** The current token's place: {@code name}, {@code settings.theme}, {@code keywords[2]}; a bad key is shown escaped. */
    private String field() {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext context = delegate.getParsingContext();
                context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                steps.push("[" + context.getCurrentIndex() + "]");
            } else if (context.getCurrentName() != null) {
                steps.push("." + StorableText.escaped(context.getCurrentName()));
            }
        }
        String path = String.join("", steps);
        return path.isEmpty() ? "(the whole body)" : path.startsWith(".") ? path.substring(1) : path;
    }
}
