package io.runledger.infra.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a fake server reads of an {@code application/x-www-form-urlencoded} body or a raw query string. */
public final class FormEncoded {

    private FormEncoded() {}

    /** The fields, decoded, in the order sent; none for a null or empty text. */
    public static Map<String, String> fields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
