package io.runledger.command.auth;

import java.util.UUID;

import io.runledger.command.caller.CallerContext;

/**
 * The person accountable for the current HTTP request: the signed-in user, or the person who issued the
 * API key in use (the key itself is the request's actor).
 */
public final class AuthenticatedUser {

    private AuthenticatedUser() {}

    public static UUID id() {
        return ApiKeyGrant.current()
                .map(ApiKeyGrant::issuedBy)
                .orElseGet(() -> UUID.fromString(CallerContext.current()
                        .orElseThrow(
                                () -> new IllegalStateException("No authenticated caller is bound to this request"))
                        .actor()));
    }
}
