package io.runledger.command.subscription;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** A run's text is longer than the plan's {@code max_chars}. */
public class InputTooLong extends ClientProblem {

    public InputTooLong(int limit, int current) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "input-too-long",
                "Input too long",
                "The input has %d characters; the plan allows %d (max_chars)".formatted(current, limit));
        limit("max_chars", limit, current);
    }
}
