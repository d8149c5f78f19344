package io.runledger.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The signed-in person's token, kept in one cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Lax}
 * (other sites' forms do not carry it), {@code Secure} when the console is reached over TLS. The API checks the
 * token at every call; the console reads its claims only to greet the person and to leave out buttons.
 */
@Component
public record ConsoleSession(ObjectMapper json) {

    public static final String COOKIE = "runledger_session";

    public Optional<String> token(HttpServletRequest request) {
        return Optional.ofNullable(request.getCookies()).stream()
                .flatMap(Arrays::stream)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(value -> !value.isBlank())
                .findFirst();
    }

    public void start(HttpServletRequest request, HttpServletResponse response, String token, Duration lifetime) {
        response.addHeader("Set-Cookie", cookie(request, token, lifetime).toString());
    }

    public void end(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration lifetime) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(lifetime)
                .build();
    }

    /** The token's claims, unchecked: for display only (the API checks the token itself). */
    public Map<String, Object> claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Map.of();
        }
        try {
            return json.readValue(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() {});
        } catch (Exception unreadable) {
            return Map.of();
        }
    }
}
