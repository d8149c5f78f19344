package io.runledger.domain.org;

import java.util.Locale;

/** What a member may do in an org, from most to least powerful. */
public enum Role {
    OWNER, ADMIN, DEVELOPER, VIEWER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
