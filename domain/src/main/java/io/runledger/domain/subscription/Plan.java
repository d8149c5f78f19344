package io.runledger.domain.subscription;

import java.util.Locale;

public enum Plan {
    FREE,
    PRO,
    TEAM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
