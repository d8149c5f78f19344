package io.runledger.domain.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unmodifiable copies for record components that hold collections, keeping records immutable. Unlike
 * {@code Map.copyOf}, JSON-shaped maps may hold null values; null stays null.
 */
public final class Frozen {

    private Frozen() {}

    public static Map<String, Object> copy(Map<String, Object> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static List<String> copy(List<String> list) {
        return list == null ? null : List.copyOf(list);
    }
}
