package io.runledger.command.problem;

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

    protected ClientProblem(HttpStatus status, String type, String title, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    ProblemDetail toProblem() {
        return ProblemTypes.problem(status, type, title, getMessage());
    }
}
