package io.runledger.domain.org;

import java.util.Locale;

/** What a member may do in an org, from most to least powerful. */
public enum Role {
    OWNER,
    ADMIN,
    DEVELOPER,
    VIEWER;

    /** Each role may do everything the roles after it may: an owner is also an admin, and so on. */
    public boolean includes(Role other) {
        return ordinal() <= other.ordinal();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
