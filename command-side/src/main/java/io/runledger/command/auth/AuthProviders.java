package io.runledger.command.auth;

import java.util.Locale;

import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.user.AuthProvider;

/** Reads a sign-in provider from a request or token claim; none given means a magic link. */
final class AuthProviders {

    private AuthProviders() {}

    static AuthProvider fromCode(String code) {
        if (code == null) {
            return AuthProvider.MAGIC;
        }
        try {
            return AuthProvider.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand("provider must be one of google, github, magic; was '%s'".formatted(code));
        }
    }
}
