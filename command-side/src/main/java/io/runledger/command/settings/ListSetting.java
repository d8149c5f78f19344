package io.runledger.command.settings;

import java.util.List;

/** A setting that names several values, such as {@code RUNLEDGER_WORKER_TOKENS=a, b,}. */
public final class ListSetting {

    private ListSetting() {}

    /**
     * The values as configured: none when the setting is unset, each without surrounding white space, and
     * without the empty ones a stray comma leaves.
     */
    public static List<String> values(List<String> configured) {
        return configured == null
                ? List.of()
                : configured.stream()
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .toList();
    }
}
