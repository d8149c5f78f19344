package io.runledger.infra.auth;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.command.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Missing or bad credentials (401) and forbidden requests (403) as problem+json, like every other error. Every 401
 * reads the same, whatever was wrong (a bad signature, an unknown key, a missing claim, an unreadable token), so
 * that refusals teach a caller nothing about the keys or the checks; the reason goes to the log.
 */
@Component
record ProblemAuthenticationResponses(ObjectMapper json) implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationResponses.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof InsufficientAuthenticationException) {
            log.debug("No credentials on {} {}", request.getMethod(), request.getRequestURI());
        } else {
            log.info(
                    "Refused the credentials of {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    failure.getMessage());
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemTypes.write(response, json, unauthenticated());
    }

    private static ProblemDetail unauthenticated() {
        return ProblemTypes.problem(
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
                "Send a valid bearer token in the Authorization header");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemTypes.write(
                response,
                json,
                ProblemTypes.problem(
                        HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this request"));
    }
}
