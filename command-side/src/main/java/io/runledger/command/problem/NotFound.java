package io.runledger.command.problem;

import org.springframework.http.HttpStatus;

/** Something the caller named that does not exist, or not for them: every such answer is one 404 {@code not-found}. */
public abstract class NotFound extends ClientProblem {

    protected NotFound(String detail) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }
}
