package io.runledger.command.problem;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Problem documents with a stable {@code type} per kind of mistake, so clients can branch on the type
 * rather than parse messages. Types are URIs under {@value #BASE}; the README lists them.
 */
public final class ProblemTypes {

    public static final String BASE = "https://runledger.io/problems/";

    private ProblemTypes() {}

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * The type of an error the framework or the container answers, which names no rule of Runledger's: its
     * status's reason phrase ({@code 405} is {@code method-not-allowed}), whichever layer answered.
     */
    public static String ofStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null
                ? "http-" + status
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** For filters, which answer before Spring MVC (and its exception handlers) is reached. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** {@code LastOwnerProtected} becomes {@code last-owner-protected}. */
    static String typeOf(Class<?> exceptionType) {
        return exceptionType
                .getSimpleName()
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase();
    }
}
