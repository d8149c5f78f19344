package io.runledger.infra.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.command.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Missing or bad credentials (401) and forbidden requests (403) as problem+json, like every other error. */
@Component
class ProblemAuthenticationResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ProblemAuthenticationResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemTypes.write(response, json, ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "Send a valid bearer token in the Authorization header (" + failure.getMessage() + ")"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemTypes.write(response, json, ProblemTypes.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "Your role does not allow this request"));
    }
}
