package io.runledger.projections.systemlog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** How an event reads in the system log: its action, outcome and a sentence built from its values. */
record LogLine(String actionType, LogStatus status, String message, String errorMessage) {

    enum LogStatus {
        STARTED,
        SUCCESS,
        WARNING,
        ERROR;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A warning or an error is a severity of its own; a start or a success is information. */
        String severity() {
            return this == WARNING || this == ERROR ? code() : "info";
        }
    }

    private record Wording(LogStatus status, String template) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z.]+)}");
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    /** By event type, from wordings.properties beside this class. */
    private static final Map<String, Wording> WORDINGS = wordings();

    static LogLine of(Object event, JsonNode values) {
        String type = event.getClass().getSimpleName();
        String[] words = WORD_START.split(type);
        Wording wording = WORDINGS.getOrDefault(type, new Wording(LogStatus.SUCCESS, String.join(" ", words)));
        String message = fill(wording.template(), values);
        String actionType = String.join("_", words).toLowerCase(Locale.ROOT);
        String error = values.path("error").asText(values.path("errorMessage").asText(null));
        return new LogLine(actionType, wording.status(), message, wording.status() == LogStatus.ERROR ? error : null);
    }

    private static Map<String, Wording> wordings() {
        Properties lines = new Properties();
        try (Reader reader = new InputStreamReader(
                LogLine.class.getResourceAsStream("wordings.properties"), StandardCharsets.UTF_8)) {
            lines.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("The system log's wordings cannot be read", e);
        }
        Map<String, Wording> wordings = new HashMap<>();
        lines.forEach((type, line) -> {
            String[] statusAndSentence = line.toString().split(" \\| ", 2);
            wordings.put((String) type, new Wording(LogStatus.valueOf(statusAndSentence[0]), statusAndSentence[1]));
        });
        return Map.copyOf(wordings);
    }

    private static String fill(String template, JsonNode values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            JsonNode value = values;
            for (String field : placeholder.group(1).split("\\.")) {
                value = value.path(field);
            }
            String text = value.isMissingNode() || value.isNull() ? "-" : text(value);
            if (isCode(value)) {
                text = text.toLowerCase(Locale.ROOT);
            }
            if (placeholder.group(1).equals("meter")) {
                text = text.replace('_', '.'); // a meter reads as its usage_events code: tokens.used
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(text));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    /** Numbers in plain notation: a quantity of 100 reads 100, not the 1E+2 Jackson's tree makes of it. */
    private static String text(JsonNode value) {
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    /** Enum values (plans, roles, statuses) read in lower case, as the API writes them. */
    private static boolean isCode(JsonNode value) {
        return value.isTextual() && value.asText().matches("[A-Z][A-Z_]*");
    }
}
