package io.runledger.command.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Problem documents with a stable {@code type} per kind of mistake, so clients can branch on the type
 * rather than parse messages. Types are URIs under {@value #BASE}; the README lists them.
 */
public final class ProblemTypes {

    public static final String BASE = "https://runledger.io/problems/";

    private ProblemTypes() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** {@code LastOwnerProtected} becomes {@code last-owner-protected}. */
    static String typeOf(Class<?> exceptionType) {
        return exceptionType.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
