package io.runledger.command.apikey;

import java.security.SecureRandom;
import java.util.Base64;

/** Key secrets: {@code rlk_} and 256 random bits, kept only as a SHA-256 digest. */
final class ApiKeySecrets {

    static final String PREFIX = "rlk_";
    /** How much of a secret is kept in clear to tell keys apart: the prefix and 6 characters (36 of 256 bits). */
    private static final int SHOWN_CHARACTERS = PREFIX.length() + 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    static String newSecret() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    static String shownPart(String secret) {
        return secret.substring(0, SHOWN_CHARACTERS);
    }

    static boolean looksLikeKey(String token) {
        return token != null && token.startsWith(PREFIX);
    }
}
