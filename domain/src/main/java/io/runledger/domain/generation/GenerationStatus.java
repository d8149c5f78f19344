package io.runledger.domain.generation;

import java.util.Locale;

public enum GenerationStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED;

    /** The lowercase value stored in {@code generations.status}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
