package io.runledger.domain.user;

import java.util.Locale;

/** How a person signs in (seed 000 {@code auth_identities.provider}). */
public enum AuthProvider {
    GOOGLE, GITHUB, MAGIC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
