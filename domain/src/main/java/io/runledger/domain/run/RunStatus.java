package io.runledger.domain.run;

import java.util.Locale;

public enum RunStatus {
    QUEUED,
    PROCESSING,
    SUCCEEDED,
    FAILED;

    /** The lowercase value stored in {@code runs.status}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
