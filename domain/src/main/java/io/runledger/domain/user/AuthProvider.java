package io.runledger.domain.user;

import java.util.Locale;

/** How a person signs in ({@code auth_identities.provider}). */
public enum AuthProvider {
    GOOGLE,
    GITHUB,
    MAGIC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
