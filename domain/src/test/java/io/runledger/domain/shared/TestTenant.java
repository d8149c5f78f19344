package io.runledger.domain.shared;

import java.util.UUID;

/**
 * The org and the person the tests of its aggregates (runs, projects, generations, API keys) act for; fixed, so a
 * failing test names the same ids every time.
 */
public final class TestTenant {
    public static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    public static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    private TestTenant() {}
}
