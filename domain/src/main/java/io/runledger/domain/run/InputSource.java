package io.runledger.domain.run;

import java.util.Locale;

/** Where a run's input comes from. */
public enum InputSource {
    TEXT,
    YOUTUBE,
    UPLOAD;

    /** The lowercase value stored in {@code runs.input_source}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
