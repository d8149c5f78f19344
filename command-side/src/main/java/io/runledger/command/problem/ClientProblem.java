package io.runledger.command.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A mistake a client can make, with the answer it gets: its status, stable type and title are declared
 * where the mistake is named, and {@link ProblemResponses} answers every one alike.
 */
public abstract class ClientProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

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

    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemTypes.problem(status, type, title, getMessage());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
