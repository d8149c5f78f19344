package io.runledger.infra.problem;

import java.util.UUID;

import io.runledger.command.auth.CallerBindingFilter;
import io.runledger.command.problem.ProblemTypes;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors the servlet container forwards to {@code /error} (a {@code sendError} by a filter, an
 * exception no handler caught) as problem+json with the status's type, in place of Spring Boot's default body.
 * A server error's message stays in the log, under the request id. Not an operation of the API: hidden from the
 * OpenAPI document.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        // asked for directly, not forwarded with an error: there is nothing at this path
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code
                : HttpStatus.NOT_FOUND.value();
        String message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        ensureRequestId(response);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, status < 500 && StringUtils.hasText(message) ? message : null));
    }

    /** An answer given before {@code StorableRequestText} saw the request gets its own request id. */
    static void ensureRequestId(HttpServletResponse response) {
        if (response.getHeader(CallerBindingFilter.REQUEST_ID_HEADER) == null) {
            response.setHeader(
                    CallerBindingFilter.REQUEST_ID_HEADER, UUID.randomUUID().toString());
        }
    }

    /** The problem of an error the framework or the container answers; {@code detail} null for a generic one. */
    static ProblemDetail problem(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        return ProblemTypes.problem(
                HttpStatusCode.valueOf(status),
                ProblemTypes.ofStatus(status),
                known == null ? "Error " + status : known.getReasonPhrase(),
                detail != null
                        ? detail
                        : status < 500
                                ? "The server could not take this request as sent"
                                : "The server failed on this request; its X-Request-Id leads to the cause in the log");
    }
}
