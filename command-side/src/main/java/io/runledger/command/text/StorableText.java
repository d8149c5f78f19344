package io.runledger.command.text;

/**
 * The rule for text Runledger accepts: what PostgreSQL can store in {@code text} and {@code jsonb}. It refuses
 * the NUL character (U+0000) in both, and a UTF-16 surrogate without its pair is no character at all (it would
 * reach the database as {@code ?}). Everything else Unicode has is accepted.
 */
public final class StorableText {

    private StorableText() {}

    /** @return what makes {@code text} unstorable, such as {@code a NUL character (U+0000) at character 5}; null if nothing */
    public static String flaw(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "a NUL character (U+0000) at character " + (i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return "an unpaired surrogate (U+%04X) at character %d".formatted((int) c, i + 1);
            }
        }
        return null;
    }

    /** @return {@code value} (null stays null) when it can be stored; else refused as {@code field} of {@code part} */
    public static String require(String value, UnstorableText.Part part, String field) {
        String flaw = value == null ? null : flaw(value);
        if (flaw != null) {
            throw new UnstorableText(part, field, flaw);
        }
        return value;
    }

    /** {@code text} with each unstorable character written as its {@code \\uXXXX} escape, to name it in an answer. */
    static String escaped(String text) {
        if (flaw(text) == null) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 6);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                escaped.append(c).append(text.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c)) {
                escaped.append("\\u%04X".formatted((int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
