package io.runledger.command.auth;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** The token is valid, but the person it names was erased: nothing of theirs is left to act as. */
public class ErasedUserRefused extends ClientProblem {
    public ErasedUserRefused() {
        super(
                HttpStatus.UNAUTHORIZED,
                "user-erased",
                "This person was erased",
                "The person this token names was erased; their sign-in no longer works");
    }
}
