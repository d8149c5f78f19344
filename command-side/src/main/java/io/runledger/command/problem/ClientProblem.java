package io.runledger.command.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A mistake a client can make, with the answer it gets: its status, stable type and title are declared
 * where the mistake is named, and {@link ProblemResponses} answers every one alike.
 */
public abstract class ClientProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    protected ClientProblem(HttpStatus status, String type, String title, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** A member the problem document carries beside type, title and detail, such as the field at fault. */
    protected void property(String name, Object value) {
        properties.put(name, value);
    }

    /** Limit, what it allows and what the request would make of it, named alike on every limit problem. */
    protected void limit(String name, long allowed, long current) {
        property("limit", name);
        property("allowed", allowed);
        property("current", current);
    }

    /** A header the answer carries, such as when to retry. */
    protected void header(String name, String value) {
        headers.add(name, value);
    }

    public ResponseEntity<ProblemDetail> toResponse() {
        return ResponseEntity.status(status).headers(headers).body(toProblem());
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemTypes.problem(status, type, title, getMessage());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
