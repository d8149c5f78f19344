package io.runledger.command.auth;

import java.util.UUID;

import io.runledger.command.caller.CallerContext;

/** The person behind the current HTTP request, as bound by {@link CallerBindingFilter}. */
public final class AuthenticatedUser {

    private AuthenticatedUser() {
    }

    public static UUID id() {
        return UUID.fromString(CallerContext.current()
                .orElseThrow(() -> new IllegalStateException("No authenticated caller is bound to this request"))
                .actor());
    }
}
