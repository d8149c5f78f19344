package io.runledger.query;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem+json answers of queries, with the same stable types as the command API's. */
public final class QueryProblems {

    private static final String BASE = "https://runledger.io/problems/";

    private QueryProblems() {}

    public static ErrorResponseException notFound(String what) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what);
    }

    /** A 404 for the {@code kind} ({@code run}, {@code project}, …) with this id that the org does not have. */
    public static ErrorResponseException notInOrg(String kind, UUID id, UUID orgId) {
        return notFound("No " + kind + " " + id + " in org " + orgId);
    }

    public static ErrorResponseException invalidParameter(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    }

    /** For a filter that takes one of a few words: null (no filter) or one of {@code allowed}. */
    public static void requireOneOf(String parameter, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw invalidParameter(parameter + " must be one of " + String.join(", ", allowed));
        }
    }

    /** 403: what only a person may ask, asked with an API key or a worker credential. */
    public static ErrorResponseException personRequired() {
        return problem(
                HttpStatus.FORBIDDEN,
                "person-required",
                "Not allowed to API keys",
                "API keys cannot do this: sign in as a person");
    }

    /** 409: the request is sound but the state of things refuses it now; the detail says what to do first. */
    public static ErrorResponseException conflict(String type, String title, String detail) {
        return problem(HttpStatus.CONFLICT, type, title, detail);
    }

    /** 429: the caller holds as many of something as it may; the detail says how many. */
    public static ErrorResponseException tooMany(String type, String title, String detail) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, type, title, detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
