package io.runledger.command.privacy;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** An operator's erasure is on record with why it was done: a reference, not a story. */
class ReasonRequired extends ClientProblem {

    static final int MAX_LENGTH = 500;

    ReasonRequired() {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "reason-required",
                "A reason is required",
                "Give the reason for the erasure in at most " + MAX_LENGTH
                        + " characters (a ticket or request reference, no personal data): {\"reason\": \"...\"}");
        property("field", "reason");
    }
}
